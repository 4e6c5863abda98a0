#!/usr/bin/env bash
# Live collection benchmark (docs/performance.md, "Live collection").
#
# Serves a generated organization (5,000 members, 1,000 repositories, 100
# teams) from the fake Docker Hub with LATENCY_MS (default 20) added to
# every request, then
#   1. runs `hublint fetch` at several --concurrency values and records its
#      wall time and the requests the fake answered;
#   2. replays the same GET requests as a plain sequential loop of `curl`
#      calls (one process per request, as a shell script would do it).
#
#   bench/fetch_benchmark.sh [BUILD_DIR]      (default: build)
#
# Needs the build's lint/cli/hublint and tests/fake_hub/fake_hub, curl and
# jq. Traffic stays on 127.0.0.1; the fake stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
LATENCY_MS=${LATENCY_MS:-20}
CONCURRENCY=${CONCURRENCY:-"1 4 8 16 32"}
SIZE=${SIZE:-5000,1000,100}
HUBLINT=$BUILD/lint/cli/hublint
FAKE=$BUILD/tests/fake_hub/fake_hub
WORK=$(mktemp -d /tmp/hublint-fetch-bench-XXXXXX)
trap 'kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$FAKE" --generate "$SIZE" --latency-ms "$LATENCY_MS" \
  --account user00000:bench-password >"$WORK/fake.log" 2>&1 &
FAKE_PID=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$WORK/fake.log" 2>/dev/null && break
  sleep 0.05
done
URL=$(sed -n 's/^listening on //p' "$WORK/fake.log")
[ -n "$URL" ] || { echo "the fake Docker Hub did not start" >&2; exit 1; }

now() { date +%s.%N; }
logged() { curl -s "$URL/_fake/requests" | jq length; }

echo "fake Docker Hub at $URL, organization $SIZE (members,repositories,teams), ${LATENCY_MS} ms per request"
printf '%-12s %9s %10s %16s %8s\n' concurrency requests "wall (s)" "req*lat/conc (s)" ratio
for c in $CONCURRENCY; do
  before=$(logged)
  t0=$(now)
  DOCKER_HUB_USERNAME=user00000 DOCKER_HUB_TOKEN=bench-password \
    "$HUBLINT" fetch --org bigorg --api-url "$URL" --quiet \
    --concurrency "$c" --output "$WORK/snapshot.json"
  t1=$(now)
  after=$(logged)
  n=$((after - before))
  awk -v c="$c" -v n="$n" -v t0="$t0" -v t1="$t1" -v lat="$LATENCY_MS" 'BEGIN {
    wall = t1 - t0; ideal = n * lat / 1000 / c;
    printf "%-12s %9d %10.2f %16.2f %8.2f\n", c, n, wall, ideal, wall / ideal }'
  last_before=$before
done

# The fewest requests that collect the same facts: every list at 100 per
# page, one request per repository (immutable tags) and per repository's
# grant list, one per organization token (its resources).
jq -r '
  def pages(n): if n == 0 then 1 else ((n + 99) / 100 | floor) end;
  (.members | length) as $m
  | ([.members[] | select(.role == "editor")] | length) as $e
  | (.teams | length) as $t
  | ([.teams[] | pages(.members | length)] | add) as $tm
  | (.repositories | length) as $r
  | ([.access_tokens[] | select(.kind == "organization")] | length) as $o
  | ([.access_tokens[] | select(.kind == "personal")] | length) as $p
  | (1 + pages($m) + pages($e) + 1 + pages($t) + $tm + pages($r) + $r + $r
     + pages($o) + $o + pages($p) + 2) as $min
  | "minimum for these facts: \($min) requests (login 1, members \(pages($m)), editors \(pages($e)), invites 1, teams \(pages($t)), team members \($tm), repositories \(pages($r)), repository details \($r), grant lists \($r), organization tokens \(pages($o)) + \($o), personal tokens \(pages($p)), settings 2); \($tm) of them only confirm what the members list already says in `groups`"
' "$WORK/snapshot.json"

# The same GETs, one curl process after another.
curl -s "$URL/_fake/requests" |
  jq -r --argjson from "$last_before" '.[$from:][] | select(.method == "GET") | .target' \
  >"$WORK/targets.txt"
JWT=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d '{"identifier":"user00000","secret":"bench-password"}' \
  "$URL/v2/auth/token" | jq -r .access_token)
n=$(wc -l <"$WORK/targets.txt")
t0=$(now)
while read -r target; do
  curl -s -o /dev/null -H "Authorization: Bearer $JWT" "$URL$target"
done <"$WORK/targets.txt"
t1=$(now)
awk -v n="$n" -v t0="$t0" -v t1="$t1" -v lat="$LATENCY_MS" 'BEGIN {
  printf "sequential curl loop: %d requests in %.2f s (%.1f ms each; latency alone %.2f s)\n",
    n, t1 - t0, (t1 - t0) * 1000 / n, n * lat / 1000 }'
