#!/bin/sh
# Symlink the 141 dev chats into OUT/former-dev (84) and OUT/former-test (57): the split before the old test half was
# consumed and moved into dev (selection.tsv at commit cc2e50f), to measure the generalisation gap on dev.
# Usage: corpus/qa/tools/former-split.sh /tmp/qa-split && ./kefu qa eval --gold /tmp/qa-split/former-test
set -eu
out=${1:?usage: former-split.sh OUT_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$out/former-dev" "$out/former-test"
git -C "$root" show cc2e50f:corpus/qa/tools/selection.tsv | awk -F'\t' 'NR > 1 {print $1, $2}' | while read -r id split; do
  dir="$out/former-dev"
  [ "$split" = test ] && dir="$out/former-test"
  for f in "$root/corpus/qa/dev/$id.json" "$root/corpus/qa/dev/$id.gold.json"; do
    [ -f "$f" ] && ln -sf "$f" "$dir/"
  done
done
echo "$(ls "$out/former-dev" | grep -c gold) former-dev, $(ls "$out/former-test" | grep -c gold) former-test chats in $out"
