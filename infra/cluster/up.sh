#!/usr/bin/env bash
# Starts the local two-instance cluster (README.md, "Two instances"): one PostgreSQL 15 server, two app
# instances on it, nginx in front. Safe to run again: what already runs is kept, what is missing is started.
#
#   infra/cluster/up.sh          → http://127.0.0.1:18000 (nginx), instances on :18081 and :18082
#   infra/cluster/down.sh        stops everything (down.sh --wipe also deletes the data)
#
# Settings (environment): CLUSTER_DIR (/tmp/workshop-cluster), PG_PORT (15432), APP_PORTS ("18081 18082"),
# LB_PORT (18000), APP_JAR, JAVA_OPTS, CPU_LIMIT (cores per instance, see common.sh); STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE are handed to
# the instances on the first run (they are kept in $CLUSTER_DIR/app.env). Build the jar first:
# mvn -B -ntp -o -q -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

[ -f "$APP_JAR" ] || { echo "no $APP_JAR: build it with mvn -B -ntp -o -q -DskipTests package" >&2; exit 1; }
command -v nginx >/dev/null || { echo "installing nginx (Debian package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null; }
mkdir -p "$RUN_DIR" "$LOG_DIR" "$NGINX_PREFIX/logs" "$NGINX_PREFIX/temp"
chmod 755 "$CLUSTER_DIR" "$RUN_DIR"

# 1. PostgreSQL 15: its own data directory and port, sockets in $RUN_DIR; fsync and synchronous_commit stay on;
# TLS with a self-signed certificate made here, and the instances connect with sslmode=require (common.sh).
if [ "$(id -u)" = 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd -r -M postgres
  chown postgres "$RUN_DIR"
  touch "$LOG_DIR/postgres.log" && chown postgres "$LOG_DIR/postgres.log"
fi
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
  as_postgres "'$PG_BIN/initdb' -D '$PG_DATA' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$RUN_DIR'
max_connections = 200
shared_buffers = 256MB
CONF
fi
if [ ! -f "$PG_DATA/server.crt" ]; then
  openssl req -new -x509 -days 365 -nodes -subj "/CN=127.0.0.1" -keyout "$PG_DATA/server.key" -out "$PG_DATA/server.crt" 2>/dev/null
  chmod 600 "$PG_DATA/server.key"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA/server.key" "$PG_DATA/server.crt"
  echo "ssl = on" >> "$PG_DATA/postgresql.conf"
  pg_running && as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' reload" >/dev/null
fi
if pg_running; then
  echo "PostgreSQL already answers on :$PG_PORT"
else
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$LOG_DIR/postgres.log' -w -t 60 start" >/dev/null
  echo "PostgreSQL 15 started on :$PG_PORT (data $PG_DATA)"
fi
if [ "$(psql_admin -tA -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
  psql_admin -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
fi
if [ "$(psql_admin -tA -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  psql_admin -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi

# 2. The instances' shared settings, written once: the same receipt key secret on both (each must decrypt the
# signing keys the other made), links to nginx's address, client addresses from nginx's X-Forwarded-For.
if [ ! -f "$CLUSTER_DIR/app.env" ]; then
  umask 077
  secret="$(head -c 24 /dev/urandom | base64)"
  cat > "$CLUSTER_DIR/app.env" <<ENV
DEMO_DATA=true
FORWARD_HEADERS=native
PUBLIC_URL=http://127.0.0.1:$LB_PORT
RECEIPT_KEY_SECRET=$secret
STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY:-}
STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET:-}
STRIPE_API_BASE=${STRIPE_API_BASE:-}
ENV
  umask 022
fi
# Remove empty lines so that unset Stripe settings stay unset (demo payments).
sed -i '/=$/d' "$CLUSTER_DIR/app.env"

# 3. Both instances at once, as a rolling deployment or an autoscaler would: Flyway serialises the migrations
# with a PostgreSQL advisory lock, and each demo dataset is claimed by one instance (docs/adr/0032).
# The instance that meets the other loading a demo dataset waits for it (docs/adr/0032); one that exits while
# starting all the same (out of memory, say) is started once more, as Kubernetes would.
starts=()
for n in $(seq ${#APP_PORTS[@]}); do
  "$here/instance.sh" start "$n" & starts+=($!)
done
failed=()
for i in "${!starts[@]}"; do wait "${starts[$i]}" || failed+=($((i + 1))); done
for n in "${failed[@]}"; do echo "instance $n did not start; starting it again"; "$here/instance.sh" start "$n"; done

# 4. nginx with its own prefix and configuration (the system's nginx.conf is not touched).
"$here/nginx-conf.sh" > "$NGINX_PREFIX/nginx.conf"
nginx -t -q -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf"
if pid_alive "$NGINX_PREFIX/logs/nginx.pid"; then
  nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf" -s reload 2>/dev/null
  echo "nginx reloaded on :$LB_PORT"
else
  nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf"
  echo "nginx started on :$LB_PORT"
fi

for _ in $(seq 40); do
  curl -sf -m 2 "http://127.0.0.1:$LB_PORT/actuator/health" | grep -q '"UP"' && break
  sleep 0.25
done
curl -sf -m 2 "http://127.0.0.1:$LB_PORT/actuator/health" | grep -q '"UP"' || { echo "nginx does not answer on :$LB_PORT" >&2; exit 1; }
echo "cluster up: http://127.0.0.1:$LB_PORT  (instances ${APP_PORTS[*]}, PostgreSQL :$PG_PORT, work dir $CLUSTER_DIR)"
