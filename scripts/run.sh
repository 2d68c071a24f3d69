#!/bin/sh
# Builds aduand and starts it on the default config (config/aduand.conf):
# SQLite under ./var, the dev channel, listening on 127.0.0.1:8080.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
exec build/daemon/aduand -c config/aduand.conf "$@"
