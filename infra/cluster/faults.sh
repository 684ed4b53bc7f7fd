#!/usr/bin/env bash
# The fault run (README.md, "Reliability"; docs/adr/0032): a steady load through nginx (online purchases with demo
# payments, counter sales with tablet-signed receipts, checked work records, receipt checks) while one instance is
# killed with kill -9 and restarted, PostgreSQL is stopped in immediate mode and restarted, latency is put between
# the instances and PostgreSQL through a TCP proxy, and Stripe (the tests' fake Stripe, run inside this program; the
# instances restarted onto it) answers slowly and then fails; then every acknowledged result is checked in the database and over
# the API. Prints PASS/FAIL lines with figures; exits 1 on any failure.
#
#   infra/cluster/up.sh && infra/cluster/faults.sh [-DphaseSeconds=20] [-DlatencyMillis=20] [-DstripeDelaySeconds=4] [-Dstripe=false]
#
# Needs the backend's test classes and their classpath (the tablets sign receipts with the tests' code):
#   mvn -q -B -ntp -pl backend -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/common.sh"

[ -f "$root/backend/target/classpath.txt" ] || { echo "no backend/target/classpath.txt: see the comment at the top of $0" >&2; exit 2; }
curl -sf -m 5 "http://127.0.0.1:$LB_PORT/actuator/health" >/dev/null || { echo "the cluster does not answer on :$LB_PORT: run infra/cluster/up.sh" >&2; exit 2; }
cp="$root/backend/target/test-classes:$root/backend/target/classes:$(sed "s#\(^\|:\)backend/#\1$root/backend/#g" "$root/backend/target/classpath.txt")"
classes="$CLUSTER_DIR/fault-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$cp" $(find "$here/src" -name '*.java')
status=0
java -cp "$classes:$cp" -DbaseUrl="http://127.0.0.1:$LB_PORT" -Dscripts="$here" -DpgBin="$PG_BIN" -DpgData="$PG_DATA" \
  -DpgPort="$PG_PORT" -DappPorts="${APP_PORTS[*]}" "$@" org.socialworkshop.cluster.FaultRun || status=$?
# The run ends with the instances on its fake Stripe, which ended with it: back to demo payments, one at a time.
if [[ " $* " != *" -Dstripe=false "* ]]; then
  echo "restarting the instances onto demo payments"
  for n in $(seq ${#APP_PORTS[@]}); do "$here/instance.sh" stop "$n" >/dev/null; "$here/instance.sh" start "$n"; done
fi
exit "$status"
