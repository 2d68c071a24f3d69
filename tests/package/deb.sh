#!/bin/sh
# The Debian package, as an admin meets it: build it (and a rebuild with a
# higher version), check it with lintian, install it into a fresh
# Debian 12 root made here with debootstrap, check the config it ships,
# edit it, start the daemon as the package set it up, upgrade and find
# the edit kept, then remove and purge it and list what is left.
#
#   sh tests/package/deb.sh [WORKDIR]
#
# Needs root (debootstrap, chroot) and the Debian mirror (the root and the
# package's dependencies come from it, as in any installation).  Exits 77
# (skipped) when not root.  Everything it makes is under WORKDIR (default
# a new folder in /var/tmp) and removed at the end, also on failure.
set -eu
cd "$(dirname "$0")/../.."
src=$(pwd)
if [ "$(id -u)" != 0 ]; then
  echo "deb.sh: skipped: needs root (debootstrap, chroot)"
  exit 77
fi
sh scripts/deps.sh --package

work=${1:-$(mktemp -d /var/tmp/aduan-pkgtest.XXXXXX)}
root="$work/root"
mirror=${ADUAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
pid=
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  for m in dev/pts dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() { echo "deb.sh: FAIL: $*" >&2; exit 1; }
step() { echo "== package: $*"; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "build"
v1=$(dpkg-parsechangelog -l debian/changelog -SVersion)
v2="$v1+upgrade1"
sh scripts/package.sh "$work/v1" >/dev/null
sh scripts/package.sh "$work/v2" "$v2" >/dev/null
deb1=$(ls "$work"/v1/aduan_"$v1"_*.deb)
deb2=$(ls "$work"/v2/aduan_"$v2"_*.deb)

step "lintian"
# Errors and warnings fail; every override is justified in
# debian/aduan.lintian-overrides.
if ! lintian --fail-on error,warning "$deb1" 2>&1 |
     grep -v 'running with root privileges'; then
  :
fi
lintian --fail-on error,warning "$deb1" >/dev/null 2>&1 ||
  fail "lintian reports errors or warnings"

step "fresh Debian 12 root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$deb1" "$deb2" "$root/tmp/"
in_root apt-get update -qq >/dev/null

step "install $v1"
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb1")" \
  >"$work/install.log" 2>&1 || { tail -20 "$work/install.log" >&2; fail "install"; }
in_root getent passwd aduan >/dev/null || fail "no user aduan"
# Owners by number: the host's names for the root's ids differ.
uid=$(in_root id -u aduan)
[ "$(stat -c %u:%a "$root/var/lib/aduan")" = "$uid:700" ] ||
  fail "/var/lib/aduan: $(stat -c %u:%a "$root/var/lib/aduan"), want $uid:700"
[ "$(in_root systemctl is-enabled aduand.service)" = enabled ] ||
  fail "aduand.service is not enabled"
in_root systemd-analyze verify /lib/systemd/system/aduand.service ||
  fail "systemd-analyze verify"
for f in aduand.8 aduanctl.8; do
  [ -f "$root/usr/share/man/man8/$f.gz" ] || fail "no man page $f"
done
[ -f "$root/usr/share/man/man5/aduand.conf.5.gz" ] || fail "no aduand.conf(5)"

step "the shipped config: no channel, so -t refuses and says why"
if in_root aduand -t -c /etc/aduan/aduand.conf >"$work/t.out" 2>&1; then
  fail "aduand -t accepted a config without a channel"
fi
grep -q "no channel configured" "$work/t.out" || { cat "$work/t.out"; fail "-t message"; }
cat "$work/t.out"

step "edit the config: a dev channel, listening on a port the kernel picks"
# The test talks to the daemon over its admin socket only.
sed -i "s/^listen = .*/listen = 127.0.0.1:0/" "$root/etc/aduan/aduand.conf"
printf '\n# Added by the admin.\n[channel.dev]\ntype = dev\n' >> "$root/etc/aduan/aduand.conf"
in_root aduand -t -c /etc/aduan/aduand.conf || fail "aduand -t after the edit"

# Start it as the unit would (the user aduan), until the admin socket
# answers; its start-up creates the database in /var/lib/aduan.
run_daemon() {
  # One process from chroot to aduand (each execs the next), so that $!
  # is the daemon itself.
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    setpriv --reuid=aduan --regid=aduan --init-groups \
    aduand -c /etc/aduan/aduand.conf >"$work/daemon.out" 2>"$work/daemon.log" &
  pid=$!
  i=0
  until in_root aduanctl -c /etc/aduan/aduand.conf tickets >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 200 ] && kill -0 $pid 2>/dev/null ||
      { cat "$work/daemon.log" >&2; fail "aduand did not come up"; }
    sleep 0.1
  done
  in_root aduand -V
  kill -TERM $pid
  wait $pid || { cat "$work/daemon.log" >&2; fail "aduand did not stop cleanly"; }
  pid=
}
step "start $v1 as user aduan"
run_daemon
[ -f "$root/var/lib/aduan/aduan.db" ] || fail "no database in /var/lib/aduan"

step "upgrade to $v2"
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb2")" \
  >"$work/upgrade.log" 2>&1 || { tail -20 "$work/upgrade.log" >&2; fail "upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' aduan)" = "$v2" ] || fail "version after upgrade"
[ "$(in_root aduand -V)" = "aduand $v2" ] || fail "aduand -V: $(in_root aduand -V)"
grep -q '^\[channel.dev\]' "$root/etc/aduan/aduand.conf" || fail "the admin's edit was lost"
in_root aduand -t -c /etc/aduan/aduand.conf || fail "aduand -t after the upgrade"
step "start $v2 on the existing database"
run_daemon

step "remove"
in_root apt-get remove -y -qq aduan >"$work/remove.log" 2>&1 || fail "remove"
[ -f "$root/etc/aduan/aduand.conf" ] || fail "remove took the config"
[ -f "$root/var/lib/aduan/aduan.db" ] || fail "remove took the database"
[ ! -e "$root/usr/sbin/aduand" ] || fail "remove left the binary"

step "purge"
in_root apt-get purge -y -qq aduan >"$work/purge.log" 2>&1 || fail "purge"
[ ! -e "$root/var/lib/aduan" ] || fail "purge left /var/lib/aduan"
[ ! -e "$root/etc/aduan/aduand.conf" ] || fail "purge left the config"
echo "left after purge:"
(cd "$root" && find . -xdev -path ./proc -prune -o -path ./tmp -prune -o \
   -name '*aduan*' -print | sed 's/^\./  /')
in_root getent passwd aduan | sed 's/^/  user: /' || true
echo "deb.sh: OK ($v1 installed, checked, edited, upgraded to $v2, removed, purged)"
