#!/usr/bin/env bash
# Load on the two-instance cluster beside one instance alone and the ceiling (README.md, "Performance"; issue 15
# item 4). The same open-model load (Gatling's constantUsersPerSec; the POS benchmark's -Drate) goes first through
# nginx to both instances, then straight to instance 1 with instance 2 stopped; each run prints throughput,
# p50/p95/p99 and errors, and the CPU the machine, each instance, PostgreSQL and nginx used meanwhile. Then, after
# a warm-up, closed-loop peaks (wrk) of the catalog list on one instance, on both driven straight at once, and
# through nginx, and of the ceiling's /products-detached, all in the same run.
#
#   infra/cluster/up.sh && infra/cluster/load.sh
#
# Every simulated buyer is 127.0.0.1, and the shop holds at most 10 unpaid orders per address: checkouts beyond
# are refused 429 (counted as errors). To measure past that brake, as docs/performance.md's checkout runs do, start
# the instances with it raised: infra/cluster/down.sh, then
# WORKSHOP_ORDERING_LIMITS_UNPAID_ORDERS_PER_ADDRESS=1000000 infra/cluster/up.sh (instances restarted later by
# instance.sh from another shell lose it).
#
# Where the database is not the limit, two instances should approach twice one instance's throughput; on this
# machine's two shared cores they cannot (the instances, nginx, PostgreSQL and the load generators split the same
# CPU). CPU_LIMIT=0.5 (cores per instance, a cgroup quota like a Kubernetes CPU limit; needs root) gives each
# instance its own share and leaves the rest to the others, so that one instance alone is the limit:
#   infra/cluster/down.sh; CPU_LIMIT=0.5 infra/cluster/up.sh && CPU_LIMIT=0.5 infra/cluster/load.sh
#
# Knobs (environment): DURATION (30 s a run), CATALOG_RATE (20 users/s, 3 requests each), CHECKOUT_RATE (5),
# WORK_RATE (1 user/s; 13 requests each), RECEIPT_RATE (40), POS_RATE (8 sales/s over 8 tablets), SCENARIOS
# ("catalog checkout receipt-check piecework pos-sale"). The piecework scenario seeds 200 makers with a year of
# work into the cluster's database once. Needs the backend's test classpath for pos-sale (see faults.sh) and
# wrk (apt-get install -y wrk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/common.sh"

DURATION="${DURATION:-30}"
SCENARIOS=(${SCENARIOS:-catalog checkout receipt-check piecework pos-sale})
declare -A RATE=([catalog]="${CATALOG_RATE:-20}" [checkout]="${CHECKOUT_RATE:-5}" [receipt-check]="${RECEIPT_RATE:-40}"
                 [piecework]="${WORK_RATE:-1}" [pos-sale]="${POS_RATE:-8}")
db=(-DdbUrl="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" -DdbUser="$DB_USER" -DdbPassword="$DB_PASSWORD")
cp="$root/backend/target/test-classes:$root/backend/target/classes:$(sed "s#\(^\|:\)backend/#\1$root/backend/#g" "$root/backend/target/classpath.txt")"
out="$CLUSTER_DIR/load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
hz=$(getconf CLK_TCK)

# CPU ticks of a process and its children (living and reaped): PostgreSQL's backends, nginx's worker.
ticks() {
  local pid=$1 t
  [ "$pid" != - ] && [ -r "/proc/$pid/stat" ] || { echo 0; return; }
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")
  for c in $(pgrep -P "$pid"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
pid_of() { local p; p=$(head -1 "$1" 2>/dev/null); echo "${p:--}"; }
pids() { echo "$(pid_of "$RUN_DIR/app1.pid") $(pid_of "$RUN_DIR/app2.pid") $(pid_of "$PG_DATA/postmaster.pid") $(pid_of "$NGINX_PREFIX/logs/nginx.pid")"; }
snapshot() { local s=""; for p in $(pids); do s="$s $(ticks "$p")"; done; echo "$s $(busy)"; }
cpu_line() { # before after → "machine x% | app1 a | app2 b | postgres c | nginx d" (cores)
  awk -v hz="$hz" -v d="$3" 'BEGIN{split(ARGV[1], a, " "); split(ARGV[2], b, " "); ARGC=1
    m = (b[5]-a[5]) / (b[6]-a[6]) * 100
    printf "machine busy %.0f%% of 2 cores | app1 %.2f | app2 %.2f | postgres %.2f | nginx %.2f cores", m,
      (b[1]-a[1])/hz/d, (b[2]-a[2])/hz/d, (b[3]-a[3])/hz/d, (b[4]-a[4])/hz/d}' "$1" "$2"
}

run_scenario() { # target-name base-url scenario
  local name=$1 base=$2 s=$3 before after start line
  before=$(snapshot); start=$(date +%s.%N)
  if [ "$s" = pos-sale ]; then
    line=$(java -XX:TieredStopAtLevel=1 -cp "$cp" -DbaseUrl="$base" -Dregisters=8 -Drate="${RATE[$s]}" -Dseconds="$DURATION" \
      org.socialworkshop.pos.PosSaleBenchmark 2>>"$out/$name-$s.err" | tail -1)
  else
    "$root/infra/performance/run.sh" -DbaseUrl="$base" -Drate="${RATE[$s]}" -Dduration="$DURATION" "${db[@]}" "$s" \
      > "$out/$name-$s.log" 2>&1 || true
    line=$(grep -E "^$s +[0-9]" "$out/$name-$s.log" | head -1)
  fi
  after=$(snapshot)
  printf '%-8s %-14s rate %-4s %s\n' "$name" "$s" "${RATE[$s]}" "${line:-no result, see $out/$name-$s.*}" | tee -a "$out/summary.txt"
  printf '%-8s %-14s          %s\n' "" "" "$(cpu_line "$before" "$after" "$(echo "$(date +%s.%N) - $start" | bc)")" | tee -a "$out/summary.txt"
}

peak() { # name url
  local r
  r=$(wrk -t2 -c32 -d10s --latency "$2" | awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{e=$NF} END{printf "%s req/s, p50 %s, p99 %s, non-2xx %s", r, p50, p99, e+0}')
  printf 'peak %-34s %s\n' "$1" "$r" | tee -a "$out/summary.txt"
}

# Both instances driven straight at once, each by its own wrk with half the connections: what two instances do
# without the proxy. Prints the sum and each.
peak_both() { # path
  local a b
  a=$(mktemp); b=$(mktemp)
  wrk -t1 -c16 -d10s "http://127.0.0.1:${APP_PORTS[0]}$1" > "$a" & wrk -t1 -c16 -d10s "http://127.0.0.1:${APP_PORTS[1]}$1" > "$b"; wait
  printf 'peak %-34s %s\n' "catalog, both instances straight" "$(awk '/Requests\/sec/{r[n++] = $2} END{printf "%.2f req/s (%s + %s)", r[0] + r[1], r[0], r[1]}' "$a" "$b")" \
    | tee -a "$out/summary.txt"
  rm -f "$a" "$b"
}

echo "== $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $DURATION s per run, CPU per instance: ${CPU_LIMIT:-no limit}; figures in $out" | tee "$out/summary.txt"
if [ -n "$CPU_LIMIT" ] && ! grep -q "CPU limit $CPU_LIMIT cores" <(grep "=== .* start" "$LOG_DIR/app1.log" | tail -1); then
  echo "CPU_LIMIT=$CPU_LIMIT, but instance 1 was not started with it: start the cluster with the same CPU_LIMIT" >&2; exit 2
fi
# The pieces the scenarios need, on the cluster's database: sale receipts to check (a short checkout load, if none)
# and piecework's seed (its first run).
cluster="http://127.0.0.1:$LB_PORT"; single="http://127.0.0.1:${APP_PORTS[0]}"
# Also warms both instances' JIT (a restarted instance is several times slower for its first minute).
"$root/infra/performance/run.sh" -DbaseUrl="$cluster" -Drate=5 -Dduration=20 -DminStock=1 checkout > "$out/warm-up.log" 2>&1 || true
"$root/infra/performance/run.sh" -DbaseUrl="$cluster" -Drate=20 -Dduration=15 catalog >> "$out/warm-up.log" 2>&1 || true
for s in "${SCENARIOS[@]}"; do run_scenario cluster "$cluster" "$s"; done
"$here/instance.sh" stop 2 >/dev/null
for s in "${SCENARIOS[@]}"; do run_scenario single "$single" "$s"; done
"$here/instance.sh" start 2 >/dev/null
# Closed-loop peaks of the catalog list, once both instances' JIT is warm: each driven flat out straight for
# WARM_SECONDS (60; 300 under a CPU_LIMIT, where the compiler shares the instance's quota: 180 s after instance 2's
# restart left it short of its peak) first.
catalog="/api/products?channel=ONLINE&size=20"
warm="${WARM_SECONDS:-$([ -n "$CPU_LIMIT" ] && echo 300 || echo 60)}"
wrk -t1 -c16 -d"${warm}s" "http://127.0.0.1:${APP_PORTS[0]}$catalog" >/dev/null & wrk -t1 -c16 -d"${warm}s" "http://127.0.0.1:${APP_PORTS[1]}$catalog" >/dev/null; wait
peak "catalog, one instance" "$single$catalog"
peak_both "$catalog"
peak "catalog, cluster (nginx)" "$cluster$catalog"
# The ceiling (../shared/bench/ceiling): started here unless it already runs (then someone else's: left running).
ceiling_dir="$root/../shared/bench/ceiling"; [ -d "$ceiling_dir" ] || ceiling_dir=/work/shared/bench/ceiling
started_ceiling=no
if ! curl -sf -m 2 http://127.0.0.1:8099/products-detached >/dev/null; then
  "$ceiling_dir/start.sh" >/dev/null 2>&1 && started_ceiling=yes
fi
peak "ceiling products-detached" "http://127.0.0.1:8099/products-detached"
[ "$started_ceiling" = no ] || "$ceiling_dir/stop.sh" >/dev/null 2>&1 || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
