#!/bin/sh
# Builds aduand and starts it on the default config (config/aduand.conf):
# SQLite under ./var, the dev channel, listening on 127.0.0.1:8080.
# Builds the daemon and aduanctl (the README's terminal chat) only, not
# the tests or benchmarks; build/ is the tree scripts/test.sh uses too.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target aduand aduanctl
exec build/daemon/aduand -c config/aduand.conf "$@"
