#!/usr/bin/env bash
# Builds the drivelog Lambda image from the repository's Dockerfile, on a machine that may not reach
# any image registry: when a base image named by a FROM line is neither present nor pullable, local
# stand-ins are built first (docker/standins/build-standins.sh) and tagged under the FROM names.
# Starts dockerd when it is installed but not running (root only).
#
# Usage: docker/build-image.sh [-t TAG] [--standins] [--classic-builder] [-- extra docker build arguments...]
#   e.g. docker/build-image.sh -t drivelog:local -- --build-arg SYNTH_SCALE=city
# --classic-builder builds without BuildKit (DOCKER_BUILDKIT=0), as `sam build` does unless given
# --use-buildkit: the Dockerfile uses no BuildKit-only syntax, and this proves it.
# Prints the image size at the end. Environment: DOCKER (client), DRIVELOG_STANDIN_DIR.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tag=drivelog:local
force_standins=false
classic=false
while [ $# -gt 0 ]; do
  case "$1" in
    -t|--tag) tag="$2"; shift 2 ;;
    --standins) force_standins=true; shift ;;
    --classic-builder) classic=true; shift ;;
    --) shift; break ;;
    *) echo "build-image: unknown argument $1 (extra docker build arguments go after --)" >&2; exit 64 ;;
  esac
done

# A client that can use BuildKit (faster: independent stages build in parallel): buildx, or a pre-23
# client whose `docker build` still drives the daemon's built-in BuildKit (Debian's docker.io). With
# --classic-builder, any client.
pick_client() {
  local candidate
  for candidate in ${DOCKER:-} docker /usr/bin/docker; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if $classic; then echo "$candidate classic"; return; fi
    if "$candidate" buildx version >/dev/null 2>&1; then echo "$candidate buildx"; return; fi
    local major
    major="$("$candidate" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1 || true)"
    if [ -n "$major" ] && [ "$major" -lt 23 ] 2>/dev/null; then echo "$candidate legacy"; return; fi
  done
  echo "build-image: no docker client with BuildKit (install docker-buildx, or Debian's docker.io)" >&2
  exit 1
}
read -r docker mode < <(pick_client)
export DOCKER="$docker"

if ! "$docker" info >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null 2>&1; then
    # A daemon that died (its session ended) leaves its pid file, and dockerd refuses to start
    # while the file names a pid; remove it only when that process is gone.
    pidfile=/var/run/docker.pid
    if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; then
      echo "build-image: removing stale $pidfile (pid $(cat "$pidfile" 2>/dev/null) is gone)"
      rm -f "$pidfile"
    fi
    echo "build-image: starting dockerd (log: /var/log/drivelog-dockerd.log)"
    setsid nohup dockerd > /var/log/drivelog-dockerd.log 2>&1 < /dev/null &
    for _ in $(seq 1 60); do "$docker" info >/dev/null 2>&1 && break; sleep 1; done
  fi
  "$docker" info >/dev/null 2>&1 || { echo "build-image: docker daemon not reachable" >&2; exit 1; }
fi

# Base images: present, pullable, or else stand-ins.
mapfile -t bases < <(awk 'toupper($1)=="FROM" && $2 !~ /^(toolchain|native|app|map|aot)$/ {print $2}' "$repo/Dockerfile" | sort -u)
need_standins=$force_standins
for image in "${bases[@]}"; do
  "$docker" image inspect "$image" >/dev/null 2>&1 && continue
  if ! $force_standins && timeout 60 "$docker" pull -q "$image" >/dev/null 2>&1; then continue; fi
  need_standins=true
done
if $need_standins; then
  echo "build-image: base images not available, building local stand-ins for: ${bases[*]}"
  bash "$repo/docker/standins/build-standins.sh" $($force_standins && echo --force)
fi

start=$(date +%s)
if [ "$mode" = buildx ]; then
  "$docker" buildx build --load -t "$tag" "$@" "$repo"
elif [ "$mode" = classic ]; then
  DOCKER_BUILDKIT=0 "$docker" build -t "$tag" "$@" "$repo"
else
  DOCKER_BUILDKIT=1 "$docker" build -t "$tag" "$@" "$repo"
fi
echo "build-image: built $tag in $(( $(date +%s) - start )) s, size $("$docker" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1000000}')"
