#!/usr/bin/env bash
# Benchmark against a running server (start it with deploy/run.sh; on PostgreSQL for figures that count):
# time from POST of a generated log to its chunk stage committed, median of several runs after warm-up.
#
#   deploy/benchmark.sh [BASE_URL [MEGABYTES [RUNS [WARMUPS]]]]    defaults: http://127.0.0.1:8080/ 10 5 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl deploy test-compile
mvn -B -q -pl deploy exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.rca.it.UploadLatencyBenchmark \
    -Dexec.args="$*"
