#!/usr/bin/env bash
# Report benchmark: page size and load time of report.html in headless chromium for trips of
# 1k, 10k and 100k points (ReportLoadBenchmark). Needs a packaged build (./mvnw package) and
# Debian's chromium + chromedriver. Results go in docs/BENCHMARKS.md ("Report").
#   bench/report.sh [POINTS...]
set -euo pipefail
[ $# -gt 0 ] || set -- 1000 10000 100000
exec "$(dirname "${BASH_SOURCE[0]}")/test-main.sh" dev.drivelog.report.ReportLoadBenchmark report "$@"
