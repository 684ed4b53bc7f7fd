#!/usr/bin/env bash
# One app instance of the local cluster (see README.md, "Two instances"):
#   infra/cluster/instance.sh start N    start instance N (1 or 2) unless it already runs; waits until healthy
#   infra/cluster/instance.sh stop N     SIGTERM (graceful shutdown), SIGKILL after 30 s
#   infra/cluster/instance.sh kill N     SIGKILL, as a crash
# The instance reads its settings from $CLUSTER_DIR/app.env (written by up.sh); DB_HOST_PORT=host:port in the
# environment points it at another address for PostgreSQL (faults.sh's latency proxy); CPU_LIMIT=cores starts it
# under that CPU quota (common.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

action="${1:?start|stop|kill}"
n="${2:?instance number}"
port="${APP_PORTS[$((n - 1))]:?no instance $n}"
pidfile="$RUN_DIR/app$n.pid"

case "$action" in
  start)
    if pid_alive "$pidfile"; then
      echo "instance $n already runs (pid $(cat "$pidfile"))"
    else
      mkdir -p "$RUN_DIR" "$LOG_DIR"
      (
        set -a
        . "$CLUSTER_DIR/app.env"
        PORT="$port"
        DATABASE_URL="$(database_url)"
        set +a
        limit_cpu "$n"
        echo "=== $(date -u +%FT%T.%3NZ) start, DATABASE_URL=${DATABASE_URL/:$DB_PASSWORD@/:***@}${CPU_LIMIT:+, CPU limit $CPU_LIMIT cores}" >> "$LOG_DIR/app$n.log"
        # setsid: the instance outlives this script and a Ctrl-C in its terminal
        setsid nohup java $JAVA_OPTS -jar "$APP_JAR" >> "$LOG_DIR/app$n.log" 2>&1 < /dev/null &
        echo $! > "$pidfile"
      )
    fi
    for _ in $(seq 240); do
      instance_up "$n" && { echo "instance $n healthy on :$port"; exit 0; }
      pid_alive "$pidfile" || { echo "instance $n exited; see $LOG_DIR/app$n.log" >&2; tail -20 "$LOG_DIR/app$n.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "instance $n not healthy after 120 s; see $LOG_DIR/app$n.log" >&2
    exit 1
    ;;
  stop)
    if pid_alive "$pidfile"; then
      pid="$(cat "$pidfile")"
      kill -TERM "$pid"
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "instance $n stopped"
    fi
    rm -f "$pidfile"
    ;;
  kill)
    pid_alive "$pidfile" && kill -KILL "$(cat "$pidfile")" && echo "instance $n killed (SIGKILL)"
    rm -f "$pidfile"
    ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
