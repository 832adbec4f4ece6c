#!/usr/bin/env bash
# Lays out the application for the image under OUT: drivelog.jar, lib/ (runtime dependencies only:
# target/lib, never target/lib-demo), a jlinked Java runtime with just the modules jdeps finds
# (java/), the RIC's JNI library unpacked ahead of time (jni/), the JIT's directives, and classpath.args, the class path
# as a java @argfile in a fixed order (an AOT cache is only valid for the class path it was made with).
# Usage: make-runtime.sh TARGET_DIR OUT_DIR      (JAVA_HOME: a JDK 25 with jlink)
set -euo pipefail
target="$1" out="$2"
jdk="${JAVA_HOME:?JAVA_HOME must name a JDK 25}"
home=/opt/drivelog        # where the image puts $out
mkdir -p "$out/lib" "$out/jni"
cp "$target/drivelog.jar" "$out/"
cp "$target/lib/"*.jar "$out/lib/"
# The JIT's compiler directives (bootstrap: C1, and C2 for the JDK's crypto and checksums).
cp "$(dirname "${BASH_SOURCE[0]}")/../src/main/jvm/jit-directives.json" "$out/"

# Class path: our jar first, then the dependencies sorted by name (wildcards expand in directory order).
classpath="$home/drivelog.jar"
for jar in $(cd "$out/lib" && ls -1 *.jar | LC_ALL=C sort); do
  classpath="$classpath:$home/lib/$jar"
done
printf -- '-cp %s\n' "$classpath" > "$out/classpath.args"

# Modules: what jdeps finds in our code and every dependency. (TLS needs nothing more: SunEC has
# been part of java.base since JDK 22.) The image test (docker/test-image.sh) runs the real handler
# on this runtime, which is what catches a module reached only by reflection.
modules="$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$out/lib/*" "$out/drivelog.jar" "$out/lib/"*.jar | tail -1)"
echo "make-runtime: modules $modules"
rm -rf "$out/java"
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/java" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive
# The CDS archive for uncompressed oops serves heaps above 32 GB only; Lambda's memory ends at 10 GB.
rm -f "$out/java/lib/server/classes_nocoops.jsa"
du -sh "$out/java"

# The RIC's JNI library for this architecture, loaded from the image (bootstrap sets the property).
case "$(uname -m)" in
  x86_64) arch=linux-x86_64 ;;
  aarch64) arch=linux-aarch_64 ;;
  *) echo "make-runtime: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
ric="$(ls "$out/lib/"aws-lambda-java-runtime-interface-client-*.jar)"
unzip -p "$ric" "jni/libaws-lambda-jni.$arch.so" > "$out/jni/libaws-lambda-jni.so"
[ -s "$out/jni/libaws-lambda-jni.so" ] || { echo "make-runtime: no JNI library for $arch in $ric" >&2; exit 1; }
