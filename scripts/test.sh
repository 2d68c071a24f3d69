#!/bin/sh
# Builds and runs the whole test suite twice: a normal build, and a build
# with AddressSanitizer and UndefinedBehaviorSanitizer; runs the integration
# suites once more with every daemon under valgrind memcheck; then builds
# the libFuzzer harnesses with clang and runs each for a few seconds from
# its seed corpus; last, builds the Debian package and installs, upgrades
# and purges it in a fresh Debian 12 root (tests/package/deb.sh).  Exits
# non-zero on the first failure.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh --test
jobs=$(nproc)

echo "== build and test (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest -j"$jobs" --output-on-failure)

echo "== build and test (ASan + UBSan)"
cmake -S . -B build-san -DCMAKE_BUILD_TYPE=Debug -DADUAN_SANITIZE=ON >/dev/null
cmake --build build-san -j"$jobs"
(cd build-san && ctest -j"$jobs" --output-on-failure)

# The plain build's daemons again, under valgrind memcheck: a test fails if
# valgrind reports an error or a leak when its daemon exits.  Valgrind
# makes the daemon 10-30 times slower; the tests' timeouts and waits
# stretch with CK_TIMEOUT_MULTIPLIER.  The pg/ copies of the suites (label
# pg) are left out: they run the same daemon code above the store, and the
# PostgreSQL backend's own code ran under the sanitizers already.
echo "== integration tests under valgrind"
(cd build && ADUAN_TEST_VALGRIND=1 CK_TIMEOUT_MULTIPLIER=10 \
  ctest -L integration -LE '^pg$' -j"$jobs" --output-on-failure)

# The harnesses only (the suites above already ran twice); a longer run is
# tests/fuzz/run.sh SECONDS build-fuzz (see the README).
echo "== fuzz (libFuzzer, 5 s per harness)"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DADUAN_FUZZ=ON >/dev/null
harnesses=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
cmake --build build-fuzz -j"$jobs" --target $harnesses
FUZZ_JOBS="$jobs" sh tests/fuzz/run.sh 5 build-fuzz

echo "== Debian package (build, lintian, install/upgrade/purge in a fresh root)"
sh tests/package/deb.sh
