#!/bin/sh
# Checks systemd/aduand.service with systemd-analyze verify.  The unit
# names the installed binary; the copy checked here names the one just
# built, so the check needs no installation.  Exit 77 (skipped) where
# systemd-analyze is not installed.
set -eu
src="$1"      # the source tree
aduand="$2"   # the built aduand
command -v systemd-analyze >/dev/null 2>&1 || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|/usr/sbin/aduand|$aduand|g" "$src/systemd/aduand.service" \
  > "$dir/aduand.service"
out=$(systemd-analyze verify "$dir/aduand.service" 2>&1) || {
  echo "$out"; exit 1; }
# verify exits 0 on some warnings: any line about our unit is a failure.
if echo "$out" | grep -q "aduand.service"; then
  echo "$out"
  exit 1
fi
echo "systemd-analyze verify: aduand.service OK"
