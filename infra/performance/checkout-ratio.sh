#!/usr/bin/env bash
# POST /api/checkout for a 3-line cart (demo payment provider) against the ceiling's POST /orders-detached, in the
# same interleaved way as ../shared/bench/ceiling/ratio.sh: three rounds of 10 s each side after a warm-up, and
# the median ratio of requests per second.
#
#   infra/performance/checkout-ratio.sh [OUR_BASE_URL] [CEILING_URL]
#   DATA_DIR=/tmp/bench-data infra/performance/checkout-ratio.sh http://127.0.0.1:18080 http://127.0.0.1:8099/orders-detached
#
# The app must run in demo payment mode on its embedded PostgreSQL in $DATA_DIR (default: data/postgres, as the app), started
# with FORWARD_HEADERS=native: each request names its own buyer's address (X-Forwarded-For), as behind a proxy, so the
# brake on unpaid orders per address sees many buyers, not one. Before the load
# the script signs in as the demo coordinator and receives 100,000 units of every stock-tracked, non-catering
# variant sold online into ONLINE_STORE_ROOM (through the API, as stock movements), then writes $CARTS carts
# (default 80,000) of three different such variants drawn at random (as the ceiling's orders take 3 of its 200
# products) straight into the database (one INSERT ... SELECT): a checkout closes its cart, so every request needs
# its own. Each checkout then reserves three lines of stock, takes an order number,
# opens a demo payment and stores the order, its lines, the payment attempt, an audit entry and the idempotency
# record. Needs wrk, curl, jq and psql.
set -euo pipefail
ours=${1:-http://127.0.0.1:8080}; ceiling=${2:-http://127.0.0.1:8099/orders-detached}
data_dir=${DATA_DIR:-data/postgres}; carts=${CARTS:-80000}; secs=${SECONDS_PER_RUN:-10}
here=$(cd "$(dirname "$0")" && pwd)
port=$(sed -n 4p "$data_dir/postmaster.pid")
sql() { psql -X -q -t -A -h localhost -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

variants=$(sql -c "
  SELECT v.id FROM product_variants v JOIN products p ON p.id = v.product_id
  WHERE p.status = 'ACTIVE' AND v.status = 'ACTIVE' AND p.stock_tracked AND 'ONLINE' = ANY (p.channels)
    AND p.tax_category <> 'CATERING'
  ORDER BY v.id")
[ "$(echo "$variants" | wc -l)" -ge 3 ] || { echo "need three stock-tracked online variants, found: $variants" >&2; exit 1; }

jar="$work/cookies"
curl -sf -c "$jar" -b "$jar" -o /dev/null "$ours/api/auth/csrf"
xsrf() { awk '$6 == "XSRF-TOKEN" {print $7}' "$jar" | tail -1; }
curl -sf -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf)" \
  -d '{"email":"coordinator@example.org","password":"workshop-coordinator"}' "$ours/api/auth/login"
for v in $variants; do
  curl -sf -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf)" \
    -d "{\"variantId\":\"$v\",\"location\":\"ONLINE_STORE_ROOM\",\"quantity\":100000,\"note\":\"checkout benchmark\"}" \
    "$ours/api/admin/stock/receipts"
done

in_list=$(echo "$variants" | sed "s/.*/'&'::uuid/" | paste -sd,)
sql <<SQL
CREATE TEMP TABLE bench_carts AS SELECT gen_random_uuid() AS id FROM generate_series(1, $carts);
INSERT INTO carts (id) SELECT id FROM bench_carts;
INSERT INTO cart_items (cart_id, variant_id, quantity)
  SELECT c.id, v.id, 1 FROM bench_carts c
  CROSS JOIN LATERAL (SELECT id FROM unnest(ARRAY[$in_list]) id WHERE c.id IS NOT NULL ORDER BY random() LIMIT 3) v;
\\copy bench_carts TO '$work/carts'
SQL
echo "prepared $(wc -l < "$work/carts") carts, each of 3 lines drawn from $(echo "$variants" | wc -l) variants"

script=$(mktemp); echo 'wrk.method = "POST"' > "$script"
run() { wrk -t2 -c16 -d${secs}s --latency "$@" | awk '/Requests\/sec/{r=$2} /^ +99%/{p=$2} /Non-2xx/{e=$NF} END{print r, p, e+0}'; }
# every run (the warm-up and three rounds) checks out its own quarter of the carts
split -n l/4 -d "$work/carts" "$work/carts."
ours_run() { CARTS_FILE="$work/carts.0$1" WRK_THREADS=2 run -s "$here/wrk/checkout.lua" "$ours/api/checkout"; }
ceiling_run() { run -s "$script" "$ceiling"; }
ours_run 0 >/dev/null; ceiling_run >/dev/null
ratios=()
for i in 1 2 3; do
  read -r a ap ae < <(ours_run "$i"); read -r b bp be < <(ceiling_run)
  echo "round $i: ours $a req/s (p99 $ap, non-2xx $ae)  ceiling $b req/s (p99 $bp)"
  ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.3f", a/b}')")
done
printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p | xargs printf 'median ratio: %s\n'
rm -f "$script"
