#!/usr/bin/env bash
# POS cash sales (PosSaleBenchmark, closed loop: the peak) against the ceiling's POST /orders-detached, interleaved
# as ../shared/bench/ceiling/ratio.sh does: a warm-up of each side, then three rounds of each; prints every round with
# the CPU each process used during our rounds (the app, its PostgreSQL, the load generator), and the median ratio.
#
#   DATA_DIR=/tmp/pos-bench/postgres infra/performance/pos-ratio.sh [OUR_BASE_URL] [CEILING_URL]
#
# The app runs on its embedded PostgreSQL in $DATA_DIR (default: data/postgres, as the app). REGISTERS tablets (8),
# SECONDS_PER_RUN (15) per round, WARMUP seconds (20) before the first, LOADGEN_OPTS for the load generator's JVM
# (default -XX:TieredStopAtLevel=1: C1 alone, a fresh JVM per round spent 0.4-0.5 cores on C2 compiling, 0.27 without).
# Needs the test classes and their classpath (docs/performance.md, "POS sale"), wrk and ss. Each round pairs new
# registers, so every round's sales start afresh.
set -euo pipefail
ours=${1:-http://127.0.0.1:18140}; ceiling=${2:-http://127.0.0.1:8099/orders-detached}
data_dir=${DATA_DIR:-data/postgres}; registers=${REGISTERS:-8}; secs=${SECONDS_PER_RUN:-15}; warmup=${WARMUP:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
cp="$root/backend/target/test-classes:$root/backend/target/classes:$(sed "s#\(^\|:\)backend/#\1$root/backend/#g" "$root/backend/target/classpath.txt")"
port=${ours##*:}
app=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
pg=$(sed -n 1p "$data_dir/postmaster.pid")
# CPU ticks of a process; with "tree" also of its children, living and reaped (PostgreSQL's backends)
ticks() {
  local t; t=$(awk -v tree="${2:-}" '{print $14 + $15 + (tree ? $16 + $17 : 0)}' "/proc/$1/stat")
  if [ "${2:-}" = tree ]; then for c in $(pgrep -P "$1"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done; fi
  echo "$t"
}
hz=$(getconf CLK_TCK)
out=$(mktemp)
bench() { java ${LOADGEN_OPTS:--XX:TieredStopAtLevel=1} -cp "$cp" -DbaseUrl="$ours" -Dregisters="$registers" "$@" org.socialworkshop.pos.PosSaleBenchmark > "$out" 2>/dev/null; }
script=$(mktemp); echo 'wrk.method = "POST"' > "$script"
ceiling_run() { wrk -t2 -c16 -d"${secs}"s --latency -s "$script" "$ceiling" | awk '/Requests\/sec/{r=$2} /^ +99%/{p=$2} END{print r, p}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench -Dseconds="$warmup"; ceiling_run >/dev/null
ratios=()
for i in 1 2 3; do
  bench -Dseconds="$secs" & pid=$!
  # CPU from when the tablets are ready (pairing and PIN sign-in are not sales) to the end
  until grep -q '^selling' "$out" || ! kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  a0=$(ticks "$app"); p0=$(ticks "$pg" tree)
  wait "$pid"
  a1=$(ticks "$app"); p1=$(ticks "$pg" tree)
  line=$(tail -1 "$out")
  read -r b bp < <(ceiling_run)
  rate=$(echo "$line" | grep -o 'sales/s=[0-9.]*' | cut -d= -f2)
  sales=$(echo "$line" | grep -o ' sales=[0-9]*' | cut -d= -f2)
  echo "round $i: ours $line"
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v hz="$hz" -v n="$sales" -v b="$b" -v bp="$bp" \
    'BEGIN{printf "         app %.2f ms CPU a sale, its PostgreSQL %.2f ms; ceiling %s req/s (p99 %s)\n", 1000*a/hz/n, 1000*p/hz/n, b, bp}'
  ratios+=("$(awk -v a="$rate" -v b="$b" 'BEGIN{printf "%.3f", a/b}')")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p | xargs printf 'median ratio: %s\n'
rm -f "$script" "$out"
