#!/bin/sh
# Checks that every file under lib/ includes only headers of its own layer
# or of a layer below it (README, "Layout").  The layers, bottom first:
layers="base conf rules store io provider engine service ops"
# lib/server.c and lib/server.h stand on top of them all.
#
#   sh tests/layers.sh SOURCE_DIR
#
# Prints each include that points upward, or into no known folder, and
# exits 1 if there was one.
set -eu
src=${1:-.}
cd "$src/lib"

rank() {
  i=0
  for l in $layers; do
    if [ "$l" = "$1" ]; then echo $i; return; fi
    i=$((i + 1))
  done
  if [ "$1" = "top" ]; then echo 99; return; fi
  echo -1
}

bad=0
checked=0
for f in $(find . -name '*.[ch]' | sed 's|^\./||' | sort); do
  case "$f" in
    */*) own=${f%%/*} ;;
    *) own=top ;;
  esac
  r_own=$(rank "$own")
  if [ "$r_own" -lt 0 ]; then
    echo "$f: in a folder that is not a layer"
    bad=$((bad + 1))
    continue
  fi
  for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    checked=$((checked + 1))
    case "$h" in
      */*) dep=${h%%/*} ;;
      server.h) dep=top ;;
      *) echo "$f: includes \"$h\" without its folder"
         bad=$((bad + 1)); continue ;;
    esac
    r_dep=$(rank "$dep")
    if [ "$r_dep" -lt 0 ]; then
      echo "$f: includes \"$h\", in no layer"
      bad=$((bad + 1))
    elif [ "$r_dep" -gt "$r_own" ]; then
      echo "$f ($own) includes \"$h\" ($dep): upward"
      bad=$((bad + 1))
    fi
  done
done
if [ "$bad" -gt 0 ]; then
  echo "layers: $bad bad includes of $checked"
  exit 1
fi
echo "layers: $checked includes, none upward"
