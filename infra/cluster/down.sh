#!/usr/bin/env bash
# Stops the local cluster started by up.sh: nginx, the instances (gracefully), PostgreSQL (fast shutdown).
#   infra/cluster/down.sh           keeps the data in $CLUSTER_DIR for the next up.sh
#   infra/cluster/down.sh --wipe    also deletes $CLUSTER_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

if pid_alive "$NGINX_PREFIX/logs/nginx.pid"; then
  nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf" -s quit 2>/dev/null
  echo "nginx stopped"
fi
for n in $(seq ${#APP_PORTS[@]}); do "$here/instance.sh" stop "$n" & done
wait
if [ -f "$PG_DATA/postmaster.pid" ]; then
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null && echo "PostgreSQL stopped"
fi
if [ "${1:-}" = --wipe ]; then
  rm -rf "$CLUSTER_DIR"
  echo "deleted $CLUSTER_DIR"
fi
