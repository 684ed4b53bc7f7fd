# Settings shared by up.sh, down.sh, instance.sh and faults.sh (sourced, not run). Every one can be set in the
# environment; the defaults put everything under one work directory on ports that nothing else here uses.
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/workshop-cluster}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-15432}"
APP_PORTS=(${APP_PORTS:-18081 18082})
LB_PORT="${LB_PORT:-18000}"
APP_JAR="${APP_JAR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/backend/target/social-workshop.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC}"
DB_NAME=workshop
DB_USER=workshop
DB_PASSWORD=workshop-cluster

PG_DATA="$CLUSTER_DIR/pgdata"
RUN_DIR="$CLUSTER_DIR/run"
LOG_DIR="$CLUSTER_DIR/log"
NGINX_PREFIX="$CLUSTER_DIR/nginx"

# The address the instances use; faults.sh puts a latency proxy in between by setting DB_HOST_PORT. Encrypted
# (sslmode=require) when the server has its certificate, as up.sh gives it, like CloudNativePG's (infra/k8s).
database_url() {
  local ssl=""
  [ -f "$PG_DATA/server.crt" ] && ssl="?sslmode=require"
  echo "postgresql://$DB_USER:$DB_PASSWORD@${DB_HOST_PORT:-127.0.0.1:$PG_PORT}/$DB_NAME$ssl"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

pg_running() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
}

psql_admin() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN_DIR" -p "$PG_PORT" -U postgres "$@"
}

# Instance n (1-based) answers /actuator/health with UP.
instance_up() {
  curl -sf -m 2 "http://127.0.0.1:${APP_PORTS[$(($1 - 1))]}/actuator/health" 2>/dev/null | grep -q '"UP"'
}

pid_alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# CPU_LIMIT (cores, e.g. 0.5): each instance runs in a CPU cgroup of its own with that quota, as a Kubernetes CPU
# limit would (load.sh's scaling run). Needs root and a writable cgroup CPU controller (v1 or v2); unset, no limit.
CPU_LIMIT="${CPU_LIMIT:-}"

# Moves the calling shell (and so what it starts next) into instance n's CPU cgroup with CPU_LIMIT cores.
limit_cpu() {
  [ -n "$CPU_LIMIT" ] || return 0
  local n=$1 period=100000 quota group
  quota=$(awk -v c="$CPU_LIMIT" -v p="$period" 'BEGIN{printf "%d", c * p}')
  if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    group=/sys/fs/cgroup/workshop-app$n                                   # cgroup v2
    mkdir -p "$group" && echo "$quota $period" > "$group/cpu.max"
  elif [ -d /sys/fs/cgroup/cpu ]; then
    group=/sys/fs/cgroup/cpu/workshop-app$n                               # cgroup v1
    mkdir -p "$group" && echo "$period" > "$group/cpu.cfs_period_us" && echo "$quota" > "$group/cpu.cfs_quota_us"
  else
    echo "CPU_LIMIT=$CPU_LIMIT: no cgroup CPU controller here" >&2; return 1
  fi
  echo "$BASHPID" > "$group/cgroup.procs"
}
