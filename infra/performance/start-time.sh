#!/usr/bin/env bash
# How long the application takes to become healthy and to show the demo shop: once on a fresh data directory
# (embedded PostgreSQL initialised, migrations, demo data with its drawn illustrations), then on a restart over
# the same directory. Each start is timed from the `java` command to the first answer of /actuator/health/readiness
# with UP, and to the first /api/products answer that lists products.
#
#   mvn -q -DskipTests package && infra/performance/start-time.sh [JAVA_OPTIONS]
#   infra/performance/start-time.sh -Xmx256m
#
# Uses a throwaway data directory and port 18090; prints one line per start. LOGS=dir keeps the two logs there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); jar=${JAR:-"$here/../../backend/target/social-workshop.jar"}
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
data=$(mktemp -d); port=18090; pid=
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=; }
trap 'stop; rm -rf "$data"' EXIT
now() { date +%s.%N; }

start() {
  local label=$1 t0 healthy= shop=
  t0=$(now)
  DATA_DIR="$data/postgres" PORT=$port java "${@:2}" -jar "$jar" >"$data/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the application stopped, see its log:" >&2; tail -20 "$data/$label.log" >&2; exit 1; }
    if [ -z "$healthy" ] && curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      healthy=$(echo "$(now) - $t0" | bc)
    fi
    if [ -n "$healthy" ] && curl -sf "http://127.0.0.1:$port/api/products?size=1" 2>/dev/null | grep -q '"id"'; then
      shop=$(echo "$(now) - $t0" | bc); break
    fi
    sleep 0.1
  done
  printf '%-8s healthy after %5.1f s, demo shop listed after %5.1f s (%s)\n' "$label" "$healthy" "$shop" \
    "$(grep -o 'Started WorkshopApplication in .*' "$data/$label.log" | head -1)"
  [ -z "${LOGS:-}" ] || cp "$data/$label.log" "$LOGS/$label.log"
}

start fresh "$@"; stop
start restart "$@"; stop
