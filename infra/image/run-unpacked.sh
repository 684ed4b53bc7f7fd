#!/usr/bin/env bash
# Runs the image Jib built (an OCI tarball) without a container engine, as a container would: its layers unpacked in
# order into a directory, that directory as a read-only root with a fresh /tmp, its own mount and PID namespaces, the
# image's user, environment, working directory and entrypoint. Then checks the Kubernetes probes answer and that
# SIGTERM ends it gracefully. Needs root (for chroot and mounts) and a PostgreSQL in DATABASE_URL.
#
#   DATABASE_URL=postgresql://user:pass@127.0.0.1:5432/db infra/image/run-unpacked.sh [image.tar] [port]
# ENV_FILE=file adds its NAME=value lines to the container's environment (e.g. the ConfigMap's settings).
set -euo pipefail
cd "$(dirname "$0")/../.."
tar_file=$(realpath "${1:-backend/target/social-workshop-image.tar}")
port=${2:-18190}
: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL the app can use}"
[ "$(id -u)" -eq 0 ] || { echo "needs root (chroot, mount namespaces)" >&2; exit 2; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already taken" >&2; exit 2; fi

work=$(mktemp -d)
cleanup() {
    [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
oci=$work/oci root=$work/root
mkdir -p "$oci" "$root"
tar -xf "$tar_file" -C "$oci"
blob() { echo "$oci/blobs/${1/://}"; }
manifest=$(blob "$(jq -r '.manifests[0].digest' "$oci/index.json")")
config=$(blob "$(jq -r '.config.digest' "$manifest")")
for layer in $(jq -r '.layers[].digest' "$manifest"); do
    tar --warning=no-unknown-keyword -xzf "$(blob "$layer")" -C "$root"       # no layer of ours deletes files, so no whiteouts to apply
done
mkdir -p "$root/proc" "$root/dev" "$root/tmp"

user=$(jq -r '.config.User' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t image_env < <(jq -r '.config.Env[]' "$config")
if [ -n "${ENV_FILE:-}" ]; then
    mapfile -t -O "${#image_env[@]}" image_env < <(grep -E '^[A-Z_][A-Z0-9_]*=' "$ENV_FILE")
fi
echo "image: user $user, workdir $workdir, entrypoint ${entrypoint[*]}"

# What a pod gives the container: a read-only root (readOnlyRootFilesystem), an emptyDir on /tmp, /dev, /proc. The
# image has no shell, so a host perl does what a container runtime does last: chroot, chdir, drop to the image's
# user, exec the entrypoint (found on the image's PATH).
uid=${user%%:*} gid=${user##*:}
unshare --mount --pid --fork --propagation private bash -c '
    set -e
    root=$1; shift
    mount --bind "$root" "$root" && mount -o remount,bind,ro "$root"
    mount -t tmpfs -o size=256m,mode=1777 tmpfs "$root/tmp"
    mount --rbind /dev "$root/dev"
    mount -t proc proc "$root/proc"
    exec "$@"
' run "$root" env -i "${image_env[@]}" \
    DATABASE_URL="$DATABASE_URL" PORT="$port" DEMO_DATA="${DEMO_DATA:-false}" \
    perl -e '
        my ($root, $dir, $uid, $gid) = splice(@ARGV, 0, 4);
        chroot($root) or die "chroot: $!"; chdir($dir) or die "chdir $dir: $!";
        $( = $gid; $) = "$gid $gid"; $< = $> = $uid;
        die "could not drop to $uid:$gid" if $> != $uid || $< != $uid;
        exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!";
    ' "$root" "$workdir" "$uid" "$gid" "${entrypoint[@]}" > "$work/app.log" 2>&1 &
pid=$!

started=$(date +%s.%N)
for _ in $(seq 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; echo "the app ended before it was ready" >&2; exit 1; }
    sleep 1
done
ready=$(date +%s.%N)
for probe in liveness readiness; do
    printf '/actuator/health/%s: %s\n' "$probe" "$(curl -fsS "http://127.0.0.1:$port/actuator/health/$probe")"
done
printf '/actuator/health: HTTP %s; / as the ingress asks for it: HTTP %s\n' \
    "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health")" \
    "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: shop.example.org' -H 'X-Forwarded-Proto: https' \
        -H 'X-Forwarded-For: 203.0.113.7' "http://127.0.0.1:$port/")"
printf 'ready after %.1f s\n' "$(echo "$ready - $started" | bc)"
grep -E "Starting WorkshopApplication|Started WorkshopApplication" "$work/app.log" | sed 's/^.*\] //' | cut -c1-200 || true

# The kubelet's SIGTERM goes to the container's first process: the JVM, PID 1 in its namespace (unshare's child).
kill -TERM "$(pgrep -P "$pid")"
stopping=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
wait "$pid" && status=0 || status=$?
printf 'SIGTERM to exit: %.1f s, exit status %s (143: the JVM ended on SIGTERM)\n' "$(echo "$(date +%s.%N) - $stopping" | bc)" "$status"
echo "warnings and errors the app logged:"
grep -E '^\S+ +(WARN|ERROR) ' "$work/app.log" | sed 's/^.*\] //' | cut -c1-160 || echo "  none"
pid=
