#!/usr/bin/env bash
# drivelog's conditional-restriction parser against the Java parsers named in the shared data's
# README (docs/CONDITIONAL.md): both judge every line of the real-values corpus; prints how often
# they agree. Fetches the two jars with Maven (ordinary client) if they are not in ~/.m2.
#   bench/conditional-oracle.sh [FILE]   (default: src/test/resources/conditional/conditional_values.txt)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="${1:-$root/src/test/resources/conditional/conditional_values.txt}"
dir="${CONDITIONAL_ORACLE_DIR:-$root/target/bench-conditional}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$dir"
repo="$HOME/.m2/repository/ch/poole"
crp="$repo/ConditionalRestrictionParser/0.3.1/ConditionalRestrictionParser-0.3.1.jar"
ohp="$repo/OpeningHoursParser/0.28.2/OpeningHoursParser-0.28.2.jar"
for a in ch.poole:ConditionalRestrictionParser:0.3.1 ch.poole:OpeningHoursParser:0.28.2; do
  [ -f "$crp" ] && [ -f "$ohp" ] || "$root/mvnw" -B -q dependency:get -Dartifact="$a" > /dev/null
done
src="$root/src/main/cpp/legal"
g++ -std=c++20 -O1 -I"$root/src/main/cpp" "$root/bench/conditional_oracle/print_verdicts.cpp" \
  "$src/conditional.cpp" "$src/opening_hours.cpp" "$src/number_with_unit.cpp" -o "$dir/print_verdicts"
"$dir/print_verdicts" "$file" | cut -f1 > "$dir/drivelog.txt"
"$java_home/bin/java" -cp "$crp:$ohp" "$root/bench/conditional_oracle/Oracle.java" "$file" | cut -f1 > "$dir/java.txt"
echo "count drivelog java"
paste "$dir/drivelog.txt" "$dir/java.txt" | sort | uniq -c
