#!/usr/bin/env bash
# Copies the native build (lib/libdrivelog.so, bin/drivelog-*) into OUT together with the shared
# libraries they need beyond glibc (libstdc++, libgcc_s, zlib, bzip2, expat), so that the image does
# not depend on what the Lambda OS-only base happens to contain. docker/bootstrap puts OUT/lib first
# on LD_LIBRARY_PATH, for the JVM (which loads libdrivelog.so) and the tools it may start alike.
# Usage: collect-native.sh BUILD_DIR OUT_DIR
set -euo pipefail
build="$1" out="$2"
mkdir -p "$out/lib" "$out/bin"
cp -a "$build/lib/"*.so* "$out/lib/"
if compgen -G "$build/bin/drivelog-*" >/dev/null; then
  cp -a "$build/bin/"drivelog-* "$out/bin/"
fi
strip --strip-unneeded "$out/lib/"*.so* "$out/bin/"* 2>/dev/null || true

# glibc's own libraries come with every base image and must match its loader: never copy them.
glibc='^(linux-vdso|ld-linux|libc|libm|libdl|librt|libpthread|libresolv|libutil)[.-]'
for file in "$out/lib/"*.so* "$out/bin/"*; do
  [ -f "$file" ] || continue
  ldd "$file" | awk '$3 ~ /^\// {print $1, $3}' | while read -r name path; do
    if ! [[ "$name" =~ $glibc ]] && [ ! -e "$out/lib/$name" ]; then
      cp -L "$path" "$out/lib/$name"
    fi
  done
done
echo "collect-native: $(ls "$out/lib" | tr '\n' ' ')"
