#!/usr/bin/env bash
# Installs the toolchain of the image's build stages: a JDK 25 with jlink, CMake, a C++20 compiler,
# the compression/XML headers libosmium needs, and Maven (only so that ./mvnw can fetch the Maven
# version it pins). Works on Amazon Linux 2023 (dnf: what users build on) and on Debian (apt: the
# local stand-in for the AL2023 image, see docker/standins/). libosmium and protozero are header-only
# and not packaged for AL2023: the Dockerfile copies their headers from a Debian stage.
# Usage: install-build-deps.sh            install (a no-op for what is already there)
#        install-build-deps.sh --print-apt-packages
set -euo pipefail

dnf_packages=(java-25-amazon-corretto-devel cmake gcc-c++ make
              zlib-devel bzip2-devel expat-devel maven unzip binutils findutils tar gzip gawk)
apt_packages=(cmake g++ make zlib1g-dev libbz2-dev libexpat1-dev maven unzip binutils findutils)
jdk_home=/usr/lib/jvm/java-25-amazon-corretto

if [ "${1:-}" = "--print-apt-packages" ]; then
  echo "${apt_packages[*]}"
  exit 0
fi

if command -v dnf >/dev/null 2>&1; then
  dnf install -y --setopt=install_weak_deps=False "${dnf_packages[@]}"
  # jlink needs the JDK's jmods unless the JDK was built as a linkable run-time image (JEP 493);
  # Corretto ships the jmods as a separate package where it has them.
  dnf install -y java-25-amazon-corretto-jmods \
    || echo "install-build-deps: no jmods package; jlink will link from the run-time image (JEP 493)"
  dnf clean all
elif command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # Debian 12 packages no JDK 25: the stand-in image brings one where AL2023's Corretto lives.
  if [ ! -x "$jdk_home/bin/jlink" ]; then
    echo "install-build-deps: no JDK 25 at $jdk_home (Debian has no package for it; put one there)" >&2
    exit 1
  fi
else
  echo "install-build-deps: neither dnf nor apt-get found" >&2
  exit 1
fi
"$jdk_home/bin/java" -version
