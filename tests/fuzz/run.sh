#!/bin/sh
# Runs the libFuzzer harnesses of a build made with -DADUAN_FUZZ=ON.
#
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET ...]
#
# SECONDS per harness (default 10); BUILD_DIR the build folder (default
# build-fuzz at the top of the source tree); TARGETs such as `http` or
# `conv` (default: every tests/fuzz/fuzz_<target>.c).  FUZZ_JOBS harnesses
# run at once (default 1).
#
# Each harness starts from a copy of its seed corpus tests/fuzz/corpus/
# <target>/ (the tree is never written), with tests/fuzz/dict/<target>.dict
# when there is one, and prints one line: executions, executions per
# second, corpus files before and after, and "ok" or what it found.  A
# crash, leak, timeout or out-of-memory input is kept, with the log, under
# BUILD_DIR/fuzz-findings/<target>/ (reproduce it with
# `BUILD_DIR/tests/fuzz/fuzz_<target> FILE`), and the script exits 1.
# FUZZ_KEEP=DIR keeps the grown corpora in DIR/<target>/ instead of
# deleting them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${1:-10}
build=${2:-$top/build-fuzz}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
jobs=${FUZZ_JOBS:-1}

case $seconds in
  ''|*[!0-9]*) echo "run.sh: SECONDS must be a number, not '$seconds'" >&2
               exit 2 ;;
esac
if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
for t in $targets; do
  if [ ! -x "$build/tests/fuzz/fuzz_$t" ]; then
    echo "run.sh: no $build/tests/fuzz/fuzz_$t; configure with" \
         "CC=clang cmake -DADUAN_FUZZ=ON and build first" >&2
    exit 2
  fi
done

build=$(cd "$build" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/aduan-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
findings="$build/fuzz-findings"

# UBSan findings must end the run like ASan's do; libFuzzer itself turns
# leaks into findings.
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

# Run one harness in the background of $work/$t.
start() {
  t=$1
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts" "$work/$t/tmp"
  if [ -d "$here/corpus/$t" ]; then
    cp "$here/corpus/$t"/* "$work/$t/corpus/" 2>/dev/null || true
  fi
  ls "$work/$t/corpus" | wc -l > "$work/$t/seeds"
  set -- -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
         -rss_limit_mb=2048 -artifact_prefix="$work/$t/artifacts/"
  if [ -f "$here/dict/$t.dict" ]; then
    set -- "$@" -dict="$here/dict/$t.dict"
  fi
  (
    cd "$work/$t"
    TMPDIR="$work/$t/tmp" "$build/tests/fuzz/fuzz_$t" "$@" corpus \
      > log 2>&1 && echo 0 > rc || echo $? > rc
  ) &
}

# Print the line for harness $t; returns 1 when it found something.
report() {
  t=$1
  rc=$(cat "$work/$t/rc" 2>/dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t/log" |
          tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$t/log" |
         tail -n 1)
  files=$(ls "$work/$t/corpus" | wc -l)
  seeds=$(cat "$work/$t/seeds")
  if [ "$rc" = 0 ]; then
    verdict=ok
  else
    what=$(grep -m 1 -o 'ERROR: [A-Za-z]*: [a-z-]*\|SUMMARY: [A-Za-z]*: [a-z-]*\|check failed: .*' \
           "$work/$t/log" || echo "exit $rc")
    mkdir -p "$findings/$t"
    cp "$work/$t/log" "$findings/$t/log"
    cp "$work/$t/artifacts"/* "$findings/$t/" 2>/dev/null || true
    verdict="FOUND: $what (input and log in $findings/$t/)"
  fi
  printf 'fuzz %-9s %10s executions %7s exec/s  corpus %4s -> %5s files  %s\n' \
         "$t" "${execs:-?}" "${rate:-?}" "$seeds" "$files" "$verdict"
  if [ -n "${FUZZ_KEEP:-}" ]; then
    mkdir -p "$FUZZ_KEEP/$t"
    cp "$work/$t/corpus"/* "$FUZZ_KEEP/$t/" 2>/dev/null || true
  fi
  [ "$rc" = 0 ]
}

failed=0
batch=""
n=0
for t in $targets; do
  start "$t"
  batch="$batch $t"
  n=$((n + 1))
  if [ "$n" -ge "$jobs" ]; then
    wait
    for b in $batch; do report "$b" || failed=1; done
    batch=""
    n=0
  fi
done
wait
for b in $batch; do report "$b" || failed=1; done
exit $failed
