#!/bin/sh
# Installs the Debian 12 packages aduan needs that are missing.
#   scripts/deps.sh          what building and running needs (libpq-dev:
#                            the PostgreSQL backend is always built in)
#   scripts/deps.sh --test   that, plus what the test suite needs (clang
#                            and its runtimes for the libFuzzer harnesses;
#                            kannel and kannel-extras, whose bearerbox,
#                            smsbox and fakesmsc test_kannel runs;
#                            postgresql, whose initdb, pg_ctl and psql
#                            the PostgreSQL tests run)
#   scripts/deps.sh --bench  the --test list, plus nginx: bench_daemon's
#                            reference ceiling (README, "Benchmarks").  In
#                            Debian 12 the package nginx itself holds
#                            /usr/sbin/nginx; nginx-light is a metapackage
#                            over it (and the echo module), so nginx is the
#                            smallest.  Never needed by the tests.
#   scripts/deps.sh --package  what building and testing the Debian
#                            package needs (scripts/package.sh,
#                            tests/package/deb.sh): debhelper, lintian,
#                            debootstrap for a fresh Debian 12 root
# Runs apt-get only when something is missing, so a second run is quick.
set -eu

pkgs="build-essential cmake pkg-config libuv1-dev libcurl4-openssl-dev
      libjson-c-dev libsqlite3-dev libhttp-parser-dev libssl-dev libpq-dev
      check"
case "${1:-}" in
  --test|--bench)
    pkgs="$pkgs sqlite3 curl systemd clang libclang-rt-14-dev valgrind
          kannel kannel-extras postgresql" ;;
esac
if [ "${1:-}" = "--package" ]; then
  pkgs="$pkgs dpkg-dev debhelper lintian debootstrap systemd"
fi
if [ "${1:-}" = "--bench" ]; then
  pkgs="$pkgs nginx"
fi

missing=""
for p in $pkgs; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "deps.sh: missing packages:$missing; run as root to install them" >&2
  exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
