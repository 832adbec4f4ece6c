#!/usr/bin/env bash
# Configures and builds the native library, tools and C++ tests with CMake.
# Called by Maven (generate-resources); usable by hand: src/main/cpp/build.sh [BUILD_DIR] [BUILD_TYPE]
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$src/../../../target/native}"
type="${2:-${DRIVELOG_BUILD_TYPE:-Release}}"

missing=()
command -v cmake >/dev/null 2>&1 || missing+=("cmake (apt-get install cmake)")
command -v g++ >/dev/null 2>&1 || command -v c++ >/dev/null 2>&1 || missing+=("a C++20 compiler (apt-get install g++)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "drivelog native build: missing ${missing[*]}" >&2
  echo "  On Debian/Ubuntu: apt-get install cmake g++ libosmium2-dev libprotozero-dev nlohmann-json3-dev zlib1g-dev libbz2-dev libexpat1-dev libgtest-dev" >&2
  exit 1
fi

mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE="$type" -Wno-dev > "$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  exit 1
}
cmake --build "$build" -j "$(nproc)"
