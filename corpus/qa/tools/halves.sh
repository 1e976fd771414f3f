#!/bin/sh
# Symlink the fresh test halves of 2026-12-03 and -06 (A-O) into OUT/half-a .. OUT/half-o, by the seed they were picked with
# (selection.tsv), wherever they are now (a half moves into dev/ once measured). Each was measured once, at the
# commit docs/qa-accuracy.md names; evaluating a spent half now measures the scorer tuned on it, not generalisation.
# Usage: corpus/qa/tools/halves.sh /tmp/qa-halves && ./kefu qa eval --gold /tmp/qa-halves/half-a
set -eu
out=${1:?usage: halves.sh OUT_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
halves="a b c d e f g h i j k l m n o p q r s t u v w x y z aa ab ac ad ae af ag ah ai aj ak al am an ao ap aq ar as at au av aw ax"
for h in $halves; do mkdir -p "$out/half-$h"; done
awk -F'\t' 'NR > 1 && $1 !~ /^#/ {
  half = ""
  if ($5 ~ /seed 2026120[34]\)/) half = "a"
  else if ($5 ~ /seed 2026120[56]\)/) half = "b"
  else if ($5 ~ /seed 2026120[78]\)/) half = "c"
  else if ($5 ~ /seed 202612(10|11)\)/) half = "d"
  else if ($5 ~ /seed 202612(12|13|14)\)/) half = "e"
  else if ($5 ~ /seed 202612(15|16)\)/) half = "f"
  else if ($5 ~ /seed 202612(17|18)\)/) half = "g"
  else if ($5 ~ /seed 202612(19|20)\)/) half = "h"
  else if ($5 ~ /seed 202612(21|22)\)/) half = "i"
  else if ($5 ~ /seed 202612(23|24|25)\)/) half = "j"
  else if ($5 ~ /seed 202612(26|27|28)\)/) half = "k"
  else if ($5 ~ /seed 202612(29|30|31)\)/) half = "l"
  else if ($5 ~ /seed 2026123[234]\)/) half = "m"
  else if ($5 ~ /seed 2026123[567]\)/) half = "n"
  else if ($5 ~ /seed 202612(38|39|40)\)/) half = "o"
  else if ($5 ~ /seed 202612(41|42|43)\)/) half = "p"
  else if ($5 ~ /seed 202612(44|45|46)\)/) half = "q"
  else if ($5 ~ /seed 202612(47|48|49)\)/) half = "r"
  else if ($5 ~ /seed 202612(50|51|52)\)/) half = "s"
  else if ($5 ~ /seed 202612(53|54|55)\)/) half = "t"
  else if ($5 ~ /seed 202612(56|57|58)\)/) half = "u"
  else if ($5 ~ /seed 202612(59|60|61)\)/) half = "v"
  else if ($5 ~ /seed 202612(62|63|64)\)/) half = "w"
  else if ($5 ~ /seed 202612(65|66|67)\)/) half = "x"
  else if ($5 ~ /seed 202612(68|69|70)\)/) half = "y"
  else if ($5 ~ /seed 202612(71|72|73)\)/) half = "z"
  else if ($5 ~ /seed 202612(74|75|76)\)/) half = "aa"
  else if ($5 ~ /seed 202612(77|78|79)\)/) half = "ab"
  else if ($5 ~ /seed 202612(80|81|82)\)/) half = "ac"
  else if ($5 ~ /seed 202612(83|84|85)\)/) half = "ad"
  else if ($5 ~ /seed 202612(86|87|88)\)/) half = "ae"
  else if ($5 ~ /seed 202612(89|90|91)\)/) half = "af"
  else if ($5 ~ /seed 202612(92|93|94)\)/) half = "ag"
  else if ($5 ~ /seed 202612(95|96|97)\)/) half = "ah"
  else if ($5 ~ /seed 202612(98|99)\)/) half = "ai"
  else if ($5 ~ /seed 202613(00|01|02)\)/) half = "aj"
  else if ($5 ~ /seed 202613(03|04|05)\)/) half = "ak"
  else if ($5 ~ /seed 202613(06|07|08)\)/) half = "al"
  else if ($5 ~ /seed 20261309\)/) half = "am"
  else if ($5 ~ /seed 20261310\)/) half = "an"
  else if ($5 ~ /seed 20261311\)/) half = "ao"
  else if ($5 ~ /seed 20261312\)/) half = "ap"
  else if ($5 ~ /seed 20261313\)/) half = "aq"
  else if ($5 ~ /seed 20261314\)/) half = "ar"
  else if ($5 ~ /seed 20261315\)/) half = "as"
  else if ($5 ~ /seed 20261320\)/) half = "at"
  else if ($5 ~ /seed 20261321\)/) half = "au"
  else if ($5 ~ /seed 20261323\)/) half = "av"
  else if ($5 ~ /seed 20261324\)/) half = "aw"
  else if ($5 ~ /seed 20261325\)/) half = "ax"
  if (half != "") print $1, $2, half
}' "$root/corpus/qa/tools/selection.tsv" | while read -r id split half; do
  for f in "$root/corpus/qa/$split/$id.json" "$root/corpus/qa/$split/$id.gold.json"; do
    if [ -f "$f" ]; then ln -sf "$f" "$out/half-$half/"; fi
  done
done
for h in $halves; do printf 'half-%s: %s chats\n' "$h" "$(ls "$out/half-$h" | grep -c gold || true)"; done
