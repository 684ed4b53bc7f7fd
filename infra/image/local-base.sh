#!/usr/bin/env bash
# Builds a Java 17 base image as a Docker-format tarball from what is on this machine, for building and proving the
# image where no container registry can be reached (docs/adr/0031-container-image.md). Production builds use the
# pinned eclipse-temurin base in backend/pom.xml instead.
#
#   infra/image/local-base.sh [output.tar]      (default: backend/target/local-base.tar)
#   mvn -pl backend -am -DskipTests package jib:buildTar -Dimage.base=tar://$PWD/backend/target/local-base.tar
#
# The image holds a JRE made by jlink from the local JDK 17 at /opt/java/openjdk (where eclipse-temurin has it), the
# shared libraries it loads (found with ldd), CA certificates, /tmp, and an /etc/passwd naming the app's user 10001.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-backend/target/local-base.tar}")
jdk=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

mkdir -p "$root/opt/java" "$root/tmp" "$root/etc/ssl/certs"
chmod 1777 "$root/tmp"
"$jdk/bin/jlink" --output "$root/opt/java/openjdk" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.management,jdk.management.agent,jdk.jfr,jdk.localedata,jdk.charsets,jdk.naming.dns,jdk.net,jdk.security.auth

# Every shared library the JRE's binaries and libraries need, with the links that name them.
find "$root/opt/java/openjdk" \( -name '*.so' -o -path '*/bin/*' \) -type f -exec ldd {} + 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u | while read -r lib; do
        cp --parents -L "$lib" "$root"
    done
# The dynamic loader is named by its link path in every ELF binary.
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
    [ -e "$loader" ] && cp --parents -L "$loader" "$root"
done
# Java's own trust store is in the JRE (lib/security/cacerts); the system bundle is there for anything else.
[ -e /etc/ssl/certs/ca-certificates.crt ] && cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
printf 'root:x:0:0:root:/root:/sbin/nologin\nworkshop:x:10001:10001:social-workshop:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nworkshop:x:10001:\n' > "$root/etc/group"

# A Docker-format image tarball (what `docker save` writes): one layer, its config, and manifest.json.
image=$work/image
mkdir -p "$image"
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime='1970-01-01' -C "$root" -cf "$image/layer.tar" .
diff_id=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
cat > "$image/config.json" <<JSON
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"infra/image/local-base.sh: jlink of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"')"}]}
JSON
config_id=$(sha256sum "$image/config.json" | cut -d' ' -f1)
mv "$image/config.json" "$image/$config_id.json"
mkdir "$image/$diff_id" && mv "$image/layer.tar" "$image/$diff_id/layer.tar"
printf '[{"Config":"%s.json","RepoTags":["local/jre17:base"],"Layers":["%s/layer.tar"]}]\n' "$config_id" "$diff_id" \
    > "$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --numeric-owner --owner=0 --group=0 -C "$image" -cf "$out" manifest.json "$config_id.json" "$diff_id"
echo "base image: $out ($(du -h "$out" | cut -f1))"
