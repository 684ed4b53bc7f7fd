#!/usr/bin/env bash
# Prints the cluster's nginx.conf (up.sh writes it to $CLUSTER_DIR/nginx/nginx.conf; nothing of the system's nginx
# is used). Round robin over the instances; a request goes to the other instance only when it is idempotent or was
# never sent (see the comments below and docs/adr/0032).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
cat <<CONF
# Written by infra/cluster/nginx-conf.sh; edits here are overwritten by up.sh.
$user_line
worker_processes 1;
pid $NGINX_PREFIX/logs/nginx.pid;
error_log $NGINX_PREFIX/logs/error.log warn;
events { worker_connections 4096; }

http {
  log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent \$request_time '
                      'upstream=\$upstream_addr/\$upstream_status/\$upstream_response_time';
  access_log $NGINX_PREFIX/logs/access.log upstream buffer=64k flush=2s;
  client_body_temp_path $NGINX_PREFIX/temp/body;
  proxy_temp_path $NGINX_PREFIX/temp/proxy;
  fastcgi_temp_path $NGINX_PREFIX/temp/fastcgi;
  uwsgi_temp_path $NGINX_PREFIX/temp/uwsgi;
  scgi_temp_path $NGINX_PREFIX/temp/scgi;
  # Image uploads; the app sets its own, smaller limits per endpoint.
  client_max_body_size 16m;

  upstream workshop {
$(for port in "${APP_PORTS[@]}"; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=3s;"; done)
    keepalive 32;
  }

  server {
    listen 127.0.0.1:$LB_PORT;

    location / {
      proxy_pass http://workshop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # Replaces whatever the client sent: the app (FORWARD_HEADERS=native) reads the client's address from it.
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
      # To the other instance when this one refused the connection or died before answering, or answered 502/503
      # (starting, or its database away). nginx never resends a POST or PATCH that reached an instance (no
      # "non_idempotent" here): the instance may have done it. The client resends those, with the same
      # Idempotency-Key, and the app answers the first attempt's outcome.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_next_upstream_timeout 10s;
    }
  }
}
CONF
