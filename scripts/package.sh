#!/bin/sh
# Builds the Debian package from this checkout:
#   scripts/package.sh [OUTDIR [VERSION]]
# OUTDIR (default: build-deb) receives aduan_VERSION_ARCH.deb.  VERSION,
# when given, is added as a new debian/changelog entry in the copy that is
# built (an upgrade test builds a "higher" package that way); the checkout
# itself is never written to.  Installs what the build needs first
# (scripts/deps.sh --package).
set -eu
cd "$(dirname "$0")/.."
src=$(pwd)
out=${1:-build-deb}
version=${2:-}
sh scripts/deps.sh --package
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/aduan-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/aduan"
# The tracked files only (or, outside git, the tree without build output).
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$src" ls-files -z --cached --others --exclude-standard |
    (cd "$src" && xargs -0 tar -cf - --no-recursion) |
    tar -xf - -C "$work/aduan"
else
  tar -cf - --exclude='./build*' --exclude=./debian/aduan -C "$src" . |
    tar -xf - -C "$work/aduan"
fi

if [ -n "$version" ]; then
  cl="$work/aduan/debian/changelog"
  {
    echo "aduan ($version) bookworm; urgency=medium"
    echo
    echo "  * Rebuilt as $version."
    echo
    echo " -- Diskominfo Provinsi NTT <aduan@ntt.go.id>  $(date -R)"
    echo
    cat "$cl"
  } > "$cl.new"
  mv "$cl.new" "$cl"
fi

(cd "$work/aduan" && dpkg-buildpackage -us -uc -b -j"$(nproc)" >"$work/build.log" 2>&1) || {
  tail -40 "$work/build.log" >&2
  echo "package.sh: dpkg-buildpackage failed" >&2
  exit 1
}
cp "$work"/aduan_*.deb "$out/"
ls "$out"/aduan_*.deb
