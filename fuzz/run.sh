#!/usr/bin/env bash
# Fuzzes each libFuzzer target of a -DHUBLINT_FUZZ=ON build for a bounded
# time and fails when any of them finds a crash, a hang (an input that runs
# longer than TIMEOUT seconds), a memory blow-up or a sanitizer report.
#
#   fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 25; the targets default to all of them
# (BUILD_DIR/fuzz/targets.txt). Environment: FUZZ_PARALLEL (default 1)
# targets at a time, FUZZ_TIMEOUT (default 10) seconds per input.
#
# Each target starts from its seeds (BUILD_DIR/fuzz/NAME.seeds) and keeps
# what it learns in BUILD_DIR/fuzz-corpus/NAME, so later runs go on from
# there. Crash inputs land in BUILD_DIR/fuzz-artifacts/ (git-ignored); the
# log of each run in BUILD_DIR/fuzz-logs/NAME.log. docs/robustness.md
# explains how to turn a crash into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
build=$1
seconds=${2:-25}
shift $(($# >= 2 ? 2 : 1))
parallel=${FUZZ_PARALLEL:-1}
timeout=${FUZZ_TIMEOUT:-10}

if [ ! -f "$build/fuzz/targets.txt" ]; then
  echo "fuzz/run.sh: $build has no fuzz targets (configure it first)" >&2
  exit 2
fi
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < "$build/fuzz/targets.txt"
fi

mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs"

fuzz_one() {
  local name=$1
  local binary="$build/fuzz/${name}_fuzzer"
  local corpus="$build/fuzz-corpus/$name"
  local log="$build/fuzz-logs/$name.log"
  if [ ! -x "$binary" ]; then
    echo "fuzz/run.sh: $binary is not built (cmake --build $build --target fuzzers)" >&2
    return 2
  fi
  mkdir -p "$corpus"
  while IFS= read -r seed; do
    [ -n "$seed" ] || continue
    cp -n "$seed" "$corpus/seed-${seed//\//_}"
  done < "$build/fuzz/$name.seeds"
  local status=0
  "$binary" -max_total_time="$seconds" -timeout="$timeout" \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -dict="$build/fuzz/$name.dict" \
    -artifact_prefix="$build/fuzz-artifacts/$name-" \
    "$corpus" > "$log" 2>&1 || status=$?
  echo "$status" > "$log.status"
}

running=0
for name in "${targets[@]}"; do
  fuzz_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

failed=0
printf '%-16s %8s %12s %8s %8s %s\n' target seconds executions cov corpus result
for name in "${targets[@]}"; do
  log="$build/fuzz-logs/$name.log"
  status=$(cat "$log.status" 2>/dev/null || echo 2)
  # (|| true: a log without the line, from a target that did not start,
  # must not end the script under pipefail.)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  cov=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  corpus=$(find "$build/fuzz-corpus/$name" -type f | wc -l)
  result=ok
  if [ "$status" != 0 ]; then
    result="FAILED (exit $status; see $log)"
    failed=1
  fi
  printf '%-16s %8s %12s %8s %8s %s\n' "$name" "$seconds" "${runs:-?}" \
    "${cov:-?}" "$corpus" "$result"
done
if [ "$failed" != 0 ]; then
  for name in "${targets[@]}"; do
    log="$build/fuzz-logs/$name.log"
    if [ "$(cat "$log.status" 2>/dev/null || echo 2)" != 0 ]; then
      echo "==== $name ($log)"
      grep -A40 -m1 -E '^==[0-9]+==ERROR|runtime error|fuzz property|ALARM|out-of-memory|deadly signal' "$log" | head -60 || tail -40 "$log"
    fi
  done
  echo "fuzz/run.sh: a target failed; the inputs are in $build/fuzz-artifacts/" >&2
  exit 1
fi
