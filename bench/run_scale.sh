#!/usr/bin/env bash
# The scale and side-by-side benchmarks of docs/performance.md, in one
# command:
#
#   bench/run_scale.sh BUILD_DIR [scale|side|all]
#
# scale: `hublint check` with every built-in rule on generated
#   organizations of SIZES members (default "1000 10000 100000 1000000";
#   teams, repositories and tokens in proportion, see bench/org_generator.h),
#   wall time and peak memory of the whole process, median of RUNS runs.
# side: on the SIDE_SIZE-member organization (default 100000), the four
#   core checks as `hublint check --config bench/core-checks.hublint.toml`,
#   as a jq program (bench/core_checks.jq), with @bufbuild/cel in Node
#   (bench/core_checks.mjs, pinned in tests/node), and a bare simdjson parse
#   of the snapshot as the floor. The three checkers must agree on the
#   counts of failures and reviews per rule; the script stops if they don't.
#
# Environment: RUNS (default 5), SIZES, SIDE_SIZE. Snapshots are generated
# once into BUILD_DIR/bench-scale/ and reused. Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: bench/run_scale.sh BUILD_DIR [scale|side|all]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
what=${2:-all}
runs=${RUNS:-5}
sizes=${SIZES:-1000 10000 100000 1000000}
side_size=${SIDE_SIZE:-100000}
hublint="$build/lint/cli/hublint"
gen="$build/bench/hublint-gen-org"
bare="$build/bench/hublint-bare-parse"
work="$build/bench-scale"
mkdir -p "$work"

for tool in "$hublint" "$gen" "$bare"; do
  if [ ! -x "$tool" ]; then
    echo "bench/run_scale.sh: $tool is not built (cmake --build $1)" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "bench/run_scale.sh: needs GNU time (apt-get install time)" >&2
  exit 2
fi

snapshot() {
  local n=$1 file="$work/org-$1.json"
  if [ ! -s "$file" ]; then
    "$gen" --members "$n" --output "$file.tmp" && mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# time_once COMMAND...: runs COMMAND once (output discarded; exit codes 0
# and 1, "findings", both count as success) and prints "WALL_SECONDS RSS_KB".
time_once() {
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null \
    2> "$work/stderr.txt" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "bench/run_scale.sh: '$*' failed (exit $status):" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  tail -1 "$work/time.txt"
}

# median FIELD < "WALL RSS" lines: the median wall time (seconds) for FIELD
# 1, the median peak memory (MB) for FIELD 2.
median() {
  awk -v f="$1" '{print $f}' | sort -g |
    awk -v f="$1" '{a[NR]=$1} END {m=a[int((NR+1)/2)]; if (f == 2) printf "%.0f", m/1024; else print m}'
}

# measure OUT_PREFIX COMMAND...: RUNS runs of COMMAND; sets ${OUT_PREFIX}_wall
# and ${OUT_PREFIX}_rss to the medians.
measure() {
  local prefix=$1 i samples=""
  shift
  for ((i = 0; i < runs; i++)); do samples+="$(time_once "$@")"$'\n'; done
  printf -v "${prefix}_wall" '%s' "$(grep . <<< "$samples" | median 1)"
  printf -v "${prefix}_rss" '%s' "$(grep . <<< "$samples" | median 2)"
}

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1048576}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}'; }

run_scale() {
  echo "### hublint check, every built-in rule (median of $runs runs)"
  echo
  echo "| members | snapshot | findings | wall time | peak memory | memory / snapshot |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
  local n file findings
  for n in $sizes; do
    file=$(snapshot "$n")
    "$hublint" check --state "$file" --format json \
      --output "$work/findings.json" 2> /dev/null || [ $? -eq 1 ]
    findings=$(jq '.findings | length' "$work/findings.json")
    measure scale "$hublint" check --state "$file" --format json \
      --output "$work/findings.json"
    echo "| $n | $(mb "$file") MB | $findings | ${scale_wall} s | ${scale_rss} MB | $(ratio "$scale_rss" "$(mb "$file")") |"
  done
  echo
}

# counts TOOL_OUTPUT: the "RULE fail=N review=M" lines, sorted.
hublint_counts() {
  # Exit 1 means "findings", which these snapshots have.
  "$hublint" check --config bench/core-checks.hublint.toml --state "$1" \
    --format json --output "$work/counts.json" 2> /dev/null || [ $? -eq 1 ]
  jq -r '[.findings[] | select(.suppressed | not)]
           | group_by(.rule_id)[]
           | "\(.[0].rule_id) fail=\(map(select(.kind == "fail")) | length) review=\(map(select(.kind == "review")) | length)"' \
    "$work/counts.json"
}

run_side() {
  local file
  file=$(snapshot "$side_size")
  if [ ! -d tests/node/node_modules/@bufbuild/cel ]; then
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
  fi
  local ours theirs_jq theirs_cel
  ours=$(hublint_counts "$file" | sort)
  theirs_jq=$(jq -r -f bench/core_checks.jq "$file" | sort)
  theirs_cel=$(node bench/core_checks.mjs "$file" | sort)
  for rule in DH-MFA-001 DH-CON-001 DH-TOK-001 DH-ROLE-001; do
    # A rule with no findings has no line of hublint's; the others print
    # "fail=0 review=0".
    grep -q "^$rule " <<< "$ours" || ours+=$'\n'"$rule fail=0 review=0"
  done
  ours=$(grep . <<< "$ours" | sort)
  if [ "$ours" != "$theirs_jq" ] || [ "$ours" != "$theirs_cel" ]; then
    echo "bench/run_scale.sh: the checkers disagree on $file" >&2
    printf 'hublint:\n%s\njq:\n%s\n@bufbuild/cel:\n%s\n' \
      "$ours" "$theirs_jq" "$theirs_cel" >&2
    exit 1
  fi
  # Round robin, so that all four see the same machine: a virtual
  # machine's speed drifts over minutes.
  local round h_samples="" j_samples="" c_samples="" b_samples=""
  for ((round = 0; round < runs; round++)); do
    h_samples+="$(time_once "$hublint" check --state "$file" \
      --config bench/core-checks.hublint.toml --format json \
      --output "$work/core.json")"$'\n'
    j_samples+="$(time_once jq -r -f bench/core_checks.jq "$file")"$'\n'
    c_samples+="$(time_once node bench/core_checks.mjs "$file")"$'\n'
    b_samples+="$(time_once "$bare" "$file")"$'\n'
  done
  local t
  for t in h j c b; do
    local samples_var="${t}_samples"
    printf -v "${t}_wall" '%s' "$(grep . <<< "${!samples_var}" | median 1)"
    printf -v "${t}_rss" '%s' "$(grep . <<< "${!samples_var}" | median 2)"
  done
  echo "### The four core checks, $side_size members, $(mb "$file") MB (median of $runs runs)"
  echo
  echo "Every checker found:"
  echo
  sed 's/^/    /' <<< "$ours"
  echo
  echo "| process | wall time | peak memory | hublint is faster by |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| hublint check (core checks) | ${h_wall} s | ${h_rss} MB | |"
  echo "| jq $(jq --version) | ${j_wall} s | ${j_rss} MB | $(ratio "$j_wall" "$h_wall")x |"
  echo "| node @bufbuild/cel 0.6.1 | ${c_wall} s | ${c_rss} MB | $(ratio "$c_wall" "$h_wall")x |"
  echo "| bare simdjson parse (floor) | ${b_wall} s | ${b_rss} MB | $(ratio "$b_wall" "$h_wall")x |"
  echo
  echo "hublint / bare parse: $(ratio "$h_wall" "$b_wall")x;" \
    "hublint peak memory / snapshot: $(ratio "$h_rss" "$(mb "$file")")x"
  echo
}

echo "<!-- bench/run_scale.sh $what on $(nproc) cores, $(date -u +%F), RUNS=$runs -->"
case "$what" in
  scale) run_scale ;;
  side) run_side ;;
  all) run_scale && run_side ;;
  *)
    echo "bench/run_scale.sh: unknown part '$what' (scale, side or all)" >&2
    exit 2
    ;;
esac
