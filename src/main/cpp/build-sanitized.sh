#!/usr/bin/env bash
# Builds the native library, tools, C++ tests and the libFuzzer targets with clang under
# AddressSanitizer + UndefinedBehaviorSanitizer (docs/RELIABILITY.md, "Sanitizers and fuzzers").
# Usage: src/main/cpp/build-sanitized.sh [BUILD_DIR]   (default target/native-asan), then
#   ctest --test-dir target/native-asan -j2 --output-on-failure
#   src/test/fuzz/run.sh target/native-asan 60
# -O1 with debug info: the sanitizers' usual choice (readable reports, a third of -O2's build time);
# asserts stay on.
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$src/../../../target/native-asan}"

missing=()
command -v cmake >/dev/null 2>&1 || missing+=("cmake")
command -v clang++ >/dev/null 2>&1 || missing+=("clang")
clang_rt="$(clang++ -print-resource-dir 2>/dev/null || true)/lib/linux/libclang_rt.fuzzer-x86_64.a"
[ -f "$clang_rt" ] || missing+=("libclang-rt-14-dev (libFuzzer and the sanitizer runtimes)")
command -v llvm-symbolizer >/dev/null 2>&1 || missing+=("llvm (llvm-symbolizer, for readable reports)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "drivelog sanitizer build: missing ${missing[*]}" >&2
  echo "  On Debian/Ubuntu: apt-get install clang libclang-rt-14-dev llvm" >&2
  exit 1
fi

mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DCMAKE_CXX_COMPILER=clang++ -DDRIVELOG_FUZZERS=ON -Wno-dev > "$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  exit 1
}
cmake --build "$build" -j "$(nproc)"
