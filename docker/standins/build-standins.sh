#!/usr/bin/env bash
# Builds LOCAL stand-ins for the base images the Dockerfile names, for machines that cannot pull
# images (no registry reachable), and tags them under the Dockerfile's FROM names. The Dockerfile
# stays the one users build against the real images; only its bases are replaced here:
#
#   public.ecr.aws/docker/library/debian:bookworm-slim  Debian minbase (source of libosmium headers)
#   public.ecr.aws/amazonlinux/amazonlinux:2023          Debian minbase + JDK 25 + C++ toolchain + Maven,
#                                                        i.e. what docker/install-build-deps.sh installs
#                                                        on AL2023 with dnf, pre-installed with apt
#   public.ecr.aws/lambda/provided:al2023                Debian minbase + a /lambda-entrypoint.sh with
#                                                        the real one's dispatch (no RIE: it cannot be
#                                                        downloaded here)
#
# Needs root, debootstrap and a running dockerd. Re-running reuses what exists (delete
# $DRIVELOG_STANDIN_DIR or pass --force to rebuild). Usage: build-standins.sh [--force]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${DRIVELOG_STANDIN_DIR:-/var/cache/drivelog-standins}"
jdk="${DRIVELOG_STANDIN_JDK:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
docker="${DOCKER:-docker}"
force=false
[ "${1:-}" = "--force" ] && force=true

debian_tag=public.ecr.aws/docker/library/debian:bookworm-slim
builder_tag=public.ecr.aws/amazonlinux/amazonlinux:2023
lambda_tag=public.ecr.aws/lambda/provided:al2023

[ "$(id -u)" = 0 ] || { echo "build-standins: must run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "build-standins: apt-get install debootstrap" >&2; exit 1; }
"$jdk/bin/java" -version 2>&1 | grep -q '"25' || { echo "build-standins: $jdk is not a JDK 25 (set DRIVELOG_STANDIN_JDK)" >&2; exit 1; }

have_image() { "$docker" image inspect "$1" >/dev/null 2>&1; }
if ! $force && have_image "$debian_tag" && have_image "$builder_tag" && have_image "$lambda_tag"; then
  echo "build-standins: all stand-ins present"
  exit 0
fi

# The Debian mirror this machine already uses (read from its apt configuration, not written here).
mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
[ -n "$mirror" ] || mirror="$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null)"
[ -n "$mirror" ] || { echo "build-standins: no Debian mirror found in /etc/apt" >&2; exit 1; }

mkdir -p "$dir"
minbase="$dir/minbase.tar"
if $force || [ ! -s "$minbase" ]; then
  echo "build-standins: debootstrap bookworm (minbase) from $mirror"
  rm -rf "$dir/minbase"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$dir/minbase" "$mirror" \
    > "$dir/debootstrap.log" 2>&1 || { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
  # This machine's apt sources and CA certificates (HTTPS may pass an intercepting proxy).
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$dir/minbase/etc/apt/sources.list.d/"
    rm -f "$dir/minbase/etc/apt/sources.list"
  elif [ -f /etc/apt/sources.list ]; then
    cp /etc/apt/sources.list "$dir/minbase/etc/apt/sources.list"
  fi
  cp -a /usr/local/share/ca-certificates/. "$dir/minbase/usr/local/share/ca-certificates/" 2>/dev/null || true
  rm -rf "$dir/minbase/etc/ssl/certs" && cp -a /etc/ssl/certs "$dir/minbase/etc/ssl/certs"
  chroot "$dir/minbase" apt-get clean
  rm -rf "$dir/minbase/var/lib/apt/lists/"*
  tar -C "$dir/minbase" -cf "$minbase" .
  rm -rf "$dir/minbase"
fi

import() {  # import ROOTFS_DIR TAG [--change ...]
  local root="$1" tag="$2"; shift 2
  tar -C "$root" -c . | "$docker" import "$@" - "$tag" >/dev/null
  echo "build-standins: tagged $tag"
}

fresh_root() {  # a fresh copy of minbase in $dir/$1
  rm -rf "${dir:?}/$1" && mkdir -p "$dir/$1" && tar -C "$dir/$1" -xf "$minbase"
  cp /etc/resolv.conf "$dir/$1/etc/resolv.conf"
}

# 1. debian:bookworm-slim
fresh_root debian
import "$dir/debian" "$debian_tag" --change 'CMD ["bash"]'
rm -rf "${dir:?}/debian"

# 2. amazonlinux:2023 builder: the Debian packages install-build-deps.sh asks for, and a JDK 25 where
#    AL2023's Corretto package puts it.
fresh_root builder
mount -t proc proc "$dir/builder/proc"
trap 'umount "$dir/builder/proc" 2>/dev/null || true' EXIT
DEBIAN_FRONTEND=noninteractive chroot "$dir/builder" bash -c \
  "apt-get update -qq && apt-get install -y -qq --no-install-recommends $(bash "$here/../install-build-deps.sh" --print-apt-packages)" \
  > "$dir/builder-apt.log" 2>&1 || { tail -20 "$dir/builder-apt.log" >&2; exit 1; }
umount "$dir/builder/proc"; trap - EXIT
mkdir -p "$dir/builder/usr/lib/jvm"
cp -a "$jdk" "$dir/builder/usr/lib/jvm/java-25-amazon-corretto"
import "$dir/builder" "$builder_tag" --change 'CMD ["bash"]'
rm -rf "${dir:?}/builder"

# 3. lambda/provided:al2023: the OS-only base with the real image's layout and entry point.
fresh_root lambda
mkdir -p "$dir/lambda/var/runtime" "$dir/lambda/var/task" "$dir/lambda/opt"
install -m 0755 "$here/lambda-entrypoint.sh" "$dir/lambda/lambda-entrypoint.sh"
import "$dir/lambda" "$lambda_tag" \
  --change 'ENV LANG=en_US.UTF-8' --change 'ENV TZ=:/etc/localtime' \
  --change 'ENV LAMBDA_TASK_ROOT=/var/task' --change 'ENV LAMBDA_RUNTIME_DIR=/var/runtime' \
  --change 'WORKDIR /var/task' --change 'ENTRYPOINT ["/lambda-entrypoint.sh"]'
rm -rf "${dir:?}/lambda"
