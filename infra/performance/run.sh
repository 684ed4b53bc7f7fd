#!/usr/bin/env bash
# Runs the selected load scenarios against an app that is already running, then prints a
# per-scenario table (throughput, p50/p95/p99, errors). See README.md.
#
#   infra/performance/run.sh [-Dknob=value ...] [scenario ...]
#   infra/performance/run.sh                                  # the default set: home login
#   infra/performance/run.sh -Drate=20 -Dduration=10 login catalog
#   infra/performance/run.sh all                              # every scenario, catalog included
#   infra/performance/run.sh -Drate=5 piecework              # not in the default set; seeds its data first
#
# Exit status: non-zero when a run failed its assertions (> 1% errors) or a scenario left no report.
set -euo pipefail

DEFAULT_SCENARIOS=(home login catalog)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sources="$here/src/test/java/org/socialworkshop/performance"

available() {
  for f in "$sources"/*Simulation.java; do
    name="$(basename "$f" Simulation.java)"
    [ "$name" = Base ] || echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1-\2/g' | tr '[:upper:]' '[:lower:]'
  done
}

mvn_args=()
scenarios=()
for arg in "$@"; do
  case "$arg" in
    -D*) mvn_args+=("$arg") ;;
    all) mapfile -t scenarios < <(available) ;;
    *) IFS=',' read -ra parts <<< "$arg"; scenarios+=("${parts[@]}") ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=("${DEFAULT_SCENARIOS[@]}")

# scenario "pos-sale" is class PosSaleSimulation
includes=()
for s in "${scenarios[@]}"; do
  class="$(echo "$s" | sed -E 's/(^|-)([a-z])/\U\2/g')Simulation"
  if [ ! -f "$sources/$class.java" ]; then
    echo "unknown scenario '$s'; available: $(available | tr '\n' ' ')" >&2
    exit 2
  fi
  includes+=("org.socialworkshop.performance.$class")
done

results="$here/target/gatling/run-$(date +%Y%m%d-%H%M%S)"
status=0
mvn -B -f "$here/pom.xml" gatling:test \
  -Dgatling.includes="$(IFS=,; echo "${includes[*]}")" \
  -Dgatling.resultsFolder="$results" \
  "${mvn_args[@]}" || status=$?

echo
echo "== Summary (reports in $results)"
java -cp "$here/target/test-classes" org.socialworkshop.performance.report.Summary "$results" "${scenarios[@]}" \
  || { [ "$status" -ne 0 ] || status=1; }
exit "$status"
