#!/bin/sh
# Builds and runs the whole test suite twice: a normal build, and a build
# with AddressSanitizer and UndefinedBehaviorSanitizer.  Exits non-zero on
# the first failure.
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
