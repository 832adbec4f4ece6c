#!/usr/bin/env bash
# Fleet page benchmark: build time, page size and load time in headless chromium for results of
# 1k, 10k and 100k findings (FleetPageLoadBenchmark). Needs a packaged build (./mvnw package) and
# Debian's chromium + chromedriver. Results go in docs/BENCHMARKS.md ("Fleet page").
#   bench/fleet-report.sh [FINDINGS...]
set -euo pipefail
[ $# -gt 0 ] || set -- 1000 10000 100000
exec "$(dirname "${BASH_SOURCE[0]}")/test-main.sh" dev.drivelog.report.FleetPageLoadBenchmark fleet-report "$@"
