#!/usr/bin/env bash
# Benchmarks against a running server (start it with deploy/run.sh, on PostgreSQL for figures that count, with
# RCA_BOOTSTRAP_ADMIN_TOKEN set and the same value exported as ADMIN_TOKEN here). Each prints its runs and the median.
#
#   deploy/benchmark.sh upload [BASE_URL [MEGABYTES [RUNS [WARMUPS]]]]   POST of a generated log -> chunk stage committed
#                                                                        defaults: http://127.0.0.1:8080/ 10 5 3
#   deploy/benchmark.sh bundle [BASE_URL [MEGABYTES [FILES [RUNS [WARMUPS]]]]]  tar.gz of FILES generated logs,
#                                                                        MEGABYTES in all -> chunk stage committed
#                                                                        defaults: http://127.0.0.1:8080/ 50 40 5 2
#   deploy/benchmark.sh flags [BASE_URL [RUNS]]                           flag PUT -> effective; defaults: ... 20
#   deploy/benchmark.sh flag-reads                                        in-memory flag check, ns per check
#   deploy/benchmark.sh metrics [BASE_URL [TENANTS [RUNS]]]              /metrics render time and size with TENANTS
#                                                                        enabled (server started with
#                                                                        -Drca.metrics.max-enhanced-tenants >= TENANTS)
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=${1:-upload}
shift || true
case "$scenario" in
    upload) main=dev.rca.it.UploadLatencyBenchmark module=deploy ;;
    bundle) main=dev.rca.it.BundleLatencyBenchmark module=deploy ;;
    flags) main=dev.rca.it.FlagChangeBenchmark module=deploy ;;
    flag-reads) main=dev.rca.flags.control.FlagReadBenchmark module=ejb-pipeline ;;
    metrics) main=dev.rca.it.MetricsRenderBenchmark module=deploy ;;
    *) echo "unknown scenario '$scenario': upload, bundle, flags, flag-reads or metrics" >&2; exit 2 ;;
esac
mvn -B -q -pl "$module" test-compile
mvn -B -q -pl "$module" exec:java -Dexec.classpathScope=test -Dexec.mainClass="$main" -Dexec.args="$*"
