#!/usr/bin/env bash
# Builds the six function jars and copies the template of an earlier commit, for WarmCostBench --baseline:
#   benchmarks/scripts/baseline-jars.sh <commit> <outdir>
# (a detached worktree under /tmp, `package` only: nothing goes into ~/.m2).
set -euo pipefail
commit=${1:?commit}
out=${2:?outdir}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/kefu-baseline-XXXXXX)
git -C "$root" worktree add --detach "$work" "$commit" >/dev/null
trap 'git -C "$root" worktree remove --force "$work"' EXIT
modules=functions/score-transcript,functions/handle-shipment-event,functions/sweep-stalled-shipments,functions/schedule-survey,functions/dispatch-due-surveys,functions/record-survey-response
(cd "$work" && ./mvnw -B -q -DskipTests package -pl "$modules" -am)
mkdir -p "$out"
for m in ${modules//,/ }; do
  cp "$work/$m/target/function.jar" "$out/$(basename "$m").jar"
done
cp "$work/infra-template.yaml" "$out/infra-template.yaml"
git -C "$root" rev-parse "$commit" > "$out/COMMIT"
echo "baseline jars of $(cat "$out/COMMIT") in $out"
