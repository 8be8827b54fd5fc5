#!/usr/bin/env bash
# Benchmarks against a running server (start it with deploy/run.sh, on PostgreSQL for figures that count, with
# RCA_BOOTSTRAP_ADMIN_TOKEN set and the same value exported as ADMIN_TOKEN here). Each prints its runs and the median.
#
#   deploy/benchmark.sh upload [BASE_URL [MEGABYTES [RUNS [WARMUPS]]]]   POST of a generated log -> analysed
#                                                                        defaults: http://127.0.0.1:8080/ 10 5 3
#   deploy/benchmark.sh bundle [BASE_URL [MEGABYTES [FILES [RUNS [WARMUPS]]]]]  tar.gz of FILES generated logs,
#                                                                        MEGABYTES in all -> analysed
#                                                                        defaults: http://127.0.0.1:8080/ 50 40 5 2
#   deploy/benchmark.sh flags [BASE_URL [RUNS]]                           flag PUT -> effective; defaults: ... 20
#   deploy/benchmark.sh stage-gate                                        the enhanced-metrics gate, ns per stage outcome
#   deploy/benchmark.sh analyzer                                          the analyzer in-process on one core, lines/s
#   deploy/benchmark.sh accuracy [EXAMPLES]                               the analyzer on the labelled corpus, per layout
#   deploy/benchmark.sh sign-in [BASE_URL [SECONDS]]                    the sign-in throttle met by one user name's
#                                                                        wrong passwords sent as soon as allowed
#                                                                        (default 180 s)
#   deploy/benchmark.sh slow-clients [BASE_URL [CONNECTIONS [SECONDS]]]  CONNECTIONS trickling sign-in bodies kept
#                                                                        open for SECONDS; other requests' latency
#                                                                        (defaults: ... 200 60)
#   deploy/benchmark.sh metrics [BASE_URL [TENANTS [RUNS]]]              /metrics render time and size with TENANTS
#                                                                        enabled (server started with
#                                                                        -Drca.metrics.max-enhanced-tenants >= TENANTS)
#   deploy/benchmark.sh cli [BASE_URL [MEGABYTES [FILES [RUNS]]]]      the rca jar at -Xmx32m uploading a directory of
#                                                                        FILES generated logs (MEGABYTES in all) as
#                                                                        one streamed tar.gz, against tar czf | curl -T -
#                                                                        of the same directory: seconds to the 202 and
#                                                                        peak RSS (GNU time); defaults: ... 48 8 5
#
# The pipeline benchmark starts its own server instead (docs/benchmarks.md): a fresh PostgreSQL database rca_bench,
# the EAR on WildFly at -Xmx512m on 127.0.0.1:8080 (RCA_HTTP_PORT to change), warm-up, then every scenario several
# times, printing each run and per scenario the median and spread; a copy of the output goes to deploy/target/bench/.
#
#   deploy/benchmark.sh pipeline [--no-build] [--smoke] [--jfr] [--only=N,...] [--runs=N]
#                                                                  --smoke: a few seconds per scenario, no figures;
#                                                                  --jfr: a JFR profile of the first throughput run;
#                                                                  --only: those scenarios; --runs: runs of each
#
# The cluster benchmark runs the pipeline benchmark's scenarios 2 and 3 (8 clients uploading 10 MiB logs for 60 s) on
# deploy/cluster.sh (an external Artemis broker, N nodes on a fresh database rca_bench_cluster, HAProxy on 8080),
# through the balancer, and prints the CPU seconds of every process of the cluster over the benchmark (nodes,
# broker, HAProxy, PostgreSQL's backends) and the OutOfMemoryErrors each node logged meanwhile. The same scenario on
# one node with the embedded broker is `pipeline --only=2`.
#
#   deploy/benchmark.sh cluster [--no-build] [--nodes=N] [--taskset] [--runs=N] [--kill]
#                                                                  --nodes: default 2; --taskset: node K on CPU K-1
#                                                                  (one node per core, the closest this machine
#                                                                  gets to one machine per node); --runs: default 3;
#                                                                  --kill: then scenario 7, node 1 killed (SIGKILL)
#                                                                  under load, the others' take-over timed
set -euo pipefail
cd "$(dirname "$0")/.."

# The benchmarks that start their own servers: PORT free, a fresh database NAME, the build unless BUILD is empty,
# and the benchmarks' classpath (the EJB module and the command line from the local Maven repository).
prepare_servers() {  # port database build
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
        echo "something already answers on 127.0.0.1:$1; stop it first" >&2
        exit 1
    fi
    source deploy/postgresql.sh
    fresh_database "$2"
    if [[ -n "$3" ]]; then
        mvn -B -q -Dstyle.color=never -DskipTests package
    fi
    mvn -B -q -Dstyle.color=never -pl ejb-pipeline,cli -am install -DskipTests
    mvn -B -q -Dstyle.color=never -pl deploy test-compile
    mkdir -p deploy/target/bench
    ADMIN_TOKEN="rca_adm_$(openssl rand -hex 24)"
    export ADMIN_TOKEN
}

# Waits until the log of the started PID shows MARKER (fails with the log if the process ends first); the process is
# stopped when this script ends.
await_started() {  # pid log marker
    runner=$1
    trap 'kill $runner 2>/dev/null; wait $runner 2>/dev/null || true' EXIT
    trap 'exit 130' INT TERM
    until grep -q "$3" "$2"; do
        if ! kill -0 "$runner" 2>/dev/null; then
            cat "$2" >&2
            exit 1
        fi
        sleep 1
    done
}

if [[ "${1:-}" == pipeline ]]; then
    shift
    build=yes
    args=()
    mkdir -p deploy/target/bench
    for option in "$@"; do
        case "$option" in
            --no-build) build= ;;
            --smoke) args+=(smoke) ;;
            --jfr) args+=("jfr=deploy/target/bench/pipeline-$(date -u +%Y%m%dT%H%M%SZ).jfr") ;;
            --only=*) args+=("only=${option#--only=}") ;;
            --runs=*) args+=("runs=${option#--runs=}") ;;
            *) echo "unknown option '$option': --no-build, --smoke, --jfr, --only=N,... or --runs=N" >&2; exit 2 ;;
        esac
    done
    port=${RCA_HTTP_PORT:-8080}
    prepare_servers "$port" rca_bench "$build"
    home=deploy/target/server/wildfly-39.0.1.Final
    RCA_BOOTSTRAP_ADMIN_TOKEN=$ADMIN_TOKEN POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$pg_port/rca_bench" \
        POSTGRESQL_USER=rca POSTGRESQL_PASSWORD=rca RCA_HTTP_PORT=$port \
        RCA_JAVA_OPTS="-Xmx512m -Drca.metrics.max-enhanced-tenants=2000 ${RCA_JAVA_OPTS:-}" \
        deploy/run.sh --no-build >deploy/target/bench/run.log 2>&1 &
    await_started $! deploy/target/bench/run.log "RCA Pipeline is running"
    pid=$(cat "$home/standalone/tmp/server.pid")
    output="deploy/target/bench/pipeline-$(date -u +%Y%m%dT%H%M%SZ).txt"
    mvn -B -q -Dstyle.color=never -pl deploy exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.rca.bench.PipelineBenchmark \
        -Dexec.args="http://127.0.0.1:$port/ $pid ${args[*]}" | tee "$output"
    echo "output kept in $output"
    exit 0
fi

if [[ "${1:-}" == cluster ]]; then
    shift
    build=yes nodes=2 pinned= runs=3 kill=
    for option in "$@"; do
        case "$option" in
            --no-build) build= ;;
            --nodes=*) nodes=${option#--nodes=} ;;
            --taskset) pinned=yes ;;
            --runs=*) runs=${option#--runs=} ;;
            --kill) kill=yes ;;
            *) echo "unknown option '$option': --no-build, --nodes=N, --taskset, --runs=N or --kill" >&2; exit 2 ;;
        esac
    done
    prepare_servers 8080 rca_bench_cluster "$build"
    cpus=
    if [[ -n "$pinned" ]]; then
        cpus=$(seq -s ' ' 0 $((nodes - 1)))
    fi
    RCA_BOOTSTRAP_ADMIN_TOKEN=$ADMIN_TOKEN POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$pg_port/rca_bench_cluster" \
        POSTGRESQL_USER=rca POSTGRESQL_PASSWORD=rca RCA_NODE_CPUS="$cpus" \
        deploy/cluster.sh --nodes="$nodes" --haproxy --no-build >deploy/target/bench/cluster.log 2>&1 &
    cluster=$!
    await_started $cluster deploy/target/bench/cluster.log "Ctrl-C stops all"
    work=deploy/target/cluster
    processes=()
    for k in $(seq 1 "$nodes"); do
        processes+=("node$k=$(cat "$work/node$k/tmp/server.pid")")
    done
    processes+=("broker=$(pgrep -f "artemis.instance=$PWD/$work/broker" | head -1)" "haproxy=$(pgrep -x -P $cluster haproxy)")
    cpu_seconds() {  # name=pid ... -> name seconds (user + system), then PostgreSQL's backends together
        local entry
        for entry in "$@"; do
            awk -v name="${entry%%=*}" '{printf "%s %.1f\n", name, ($14 + $15) / 100}' "/proc/${entry#*=}/stat"
        done
        for pid in $(pgrep -u postgres); do awk '{print ($14 + $15) / 100}' "/proc/$pid/stat" 2>/dev/null; done |
            awk '{s += $1} END {printf "postgresql %.1f\n", s}'
    }
    out_of_memory() {  # each node's OutOfMemoryError lines in its server.log so far
        for k in $(seq 1 "$nodes"); do
            echo "node$k $(grep -c OutOfMemoryError "$work/node$k/log/server.log" || true)"
        done
    }
    cpu_seconds "${processes[@]}" >deploy/target/bench/cpu-before
    out_of_memory >deploy/target/bench/oom-before
    started=$(date +%s)
    failed=0
    output="deploy/target/bench/cluster-$nodes${pinned:+-taskset}-$(date -u +%Y%m%dT%H%M%SZ).txt"
    echo "cluster: $nodes node(s)${pinned:+, one per CPU (taskset)}, external broker, HAProxy on 8080" | tee "$output"
    mvn -B -q -Dstyle.color=never -pl deploy exec:java -Dexec.classpathScope=test \
        -Dexec.mainClass=dev.rca.bench.PipelineBenchmark \
        -Dexec.args="http://127.0.0.1:8080/ $(cat "$work/node1/tmp/server.pid") only=2 runs=$runs" |
        tee -a "$output" || failed=$?
    cpu_seconds "${processes[@]}" >deploy/target/bench/cpu-after
    wall=$(($(date +%s) - started))
    paste -d ' ' deploy/target/bench/cpu-before deploy/target/bench/cpu-after |
        awk -v wall="$wall" '{d = $4 - $2; printf "CPU %-10s %7.1f s over %d s (%.0f %% of one core)\n", $1, d, wall, 100 * d / wall}' |
        tee -a "$output"
    if [[ -n "$kill" && $failed == 0 ]]; then
        # Scenario 7 on the warm cluster: node 1 killed under load; cluster.sh starts it again.
        mvn -B -q -Dstyle.color=never -pl deploy exec:java -Dexec.classpathScope=test \
            -Dexec.mainClass=dev.rca.bench.PipelineBenchmark \
            -Dexec.args="http://127.0.0.1:8080/ $(cat "$work/node1/tmp/server.pid") only=7 no-warm-up kill=$(cat "$work/node1/tmp/server.pid")" |
            tee -a "$output" || failed=$?
        for _ in $(seq 1 300); do
            curl -sf -o /dev/null http://127.0.0.1:10090/health/ready && break
            sleep 1
        done
        { grep "node1 ended" deploy/target/bench/cluster.log || echo "cluster.sh did not restart node 1"
          echo "node1 ready again by $(date -u +%H:%M:%S) (readiness polled after scenario 7)"
        } | tee -a "$output"
    fi
    out_of_memory | paste -d ' ' deploy/target/bench/oom-before - |
        awk '{printf "%s: %d OutOfMemoryError line(s) in its server.log during the benchmark\n", $1, $4 - $2}' |
        tee -a "$output"
    echo "output kept in $output"
    exit "$failed"
fi

if [[ "${1:-}" == cli ]]; then
    base=${2:-http://127.0.0.1:8080/}; megabytes=${3:-48}; files=${4:-8}; runs=${5:-5}
    : "${ADMIN_TOKEN:?export ADMIN_TOKEN, the RCA_BOOTSTRAP_ADMIN_TOKEN of the server}"
    [[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
    [[ -f cli/target/rca.jar ]] || mvn -B -q -pl cli -am package -DskipTests
    work=deploy/target/bench/cli-$$
    mkdir -p "$work/incident"
    json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
    slug=bench-cli-$(date +%s)
    curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"slug\": \"$slug\", \"displayName\": \"cli benchmark\"}" "${base}api/admin/tenants" > /dev/null
    token=$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -d '{"name": "cli benchmark"}' "${base}api/admin/tenants/$slug/tokens" | json token)
    for ((i = 1; i <= files; i++)); do
        java -jar cli/target/rca.jar sample --mb $((megabytes / files)) --seed "$i" --out "$work/incident/node$i.log" \
            > /dev/null
    done
    bytes=$(cat "$work"/incident/*.log | wc -c)
    await_final() {  # the upload's stages done, so that the next run meets an idle server
        for ((t = 0; t < 600; t++)); do
            curl -sf -H "Authorization: Bearer $token" "$1" | grep -q '"status":"processing"' || return 0
            sleep 0.5
        done
    }
    measure() {  # label, command...: prints "label seconds peak-RSS-MiB" and waits for the upload to be final
        local label=$1; shift
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/answer" 2> "$work/err" || {
            cat "$work/err" >&2; exit 1; }
        read -r seconds kib < "$work/time"
        id=$(grep -o '[0-9a-f]\{8\}-[0-9a-f-]\{27\}' "$work/answer" | head -1)
        await_final "${base}api/tenants/$slug/uploads/$id"
        echo "$label $seconds $((kib / 1024))"
    }
    echo "$files logs, $bytes bytes in all, to $base tenant $slug; $runs runs each, interleaved"
    : > "$work/runs"
    for ((r = 0; r <= runs; r++)); do   # run 0 warms the server and the page cache
        for client in rca curl; do
            if [[ $client == rca ]]; then
                line=$(measure rca env RCA_API="$base" RCA_TOKEN="$token" java -Xmx32m -jar cli/target/rca.jar \
                    upload "$work/incident" --tenant "$slug" --quiet)
            else
                line=$(measure curl bash -c "tar czf - -C '$work' incident | curl -sf -X POST -T - \
                    -H 'Authorization: Bearer $token' -H 'Content-Type: application/gzip' \
                    '${base}api/tenants/$slug/uploads?name=incident.tar.gz'")
            fi
            (( r == 0 )) && continue
            echo "run $r: $line"
            echo "$line" >> "$work/runs"
        done
    done
    for client in rca curl; do
        # each column's median of its own sorted values (the RSS of the median-time run is not the median RSS)
        rss=$(grep "^$client " "$work/runs" | sort -k3 -n | awk '{m[NR]=$3} END {print m[int((NR+1)/2)]}')
        grep "^$client " "$work/runs" | sort -k2 -n | awk -v c="$client" -v mb="$bytes" -v rss="$rss" '{s[NR]=$2}
            END {i=int((NR+1)/2); printf "%s: median %.2f s (%.1f MB/s of log), min %.2f, max %.2f; peak RSS median %d MiB\n",
                 c, s[i], mb/1e6/s[i], s[1], s[NR], rss}'
    done
    rm -rf "$work"
    exit 0
fi

scenario=${1:-upload}
shift || true
case "$scenario" in
    upload) main=dev.rca.bench.UploadLatencyBenchmark module=deploy ;;
    bundle) main=dev.rca.bench.BundleLatencyBenchmark module=deploy ;;
    flags) main=dev.rca.bench.FlagChangeBenchmark module=deploy ;;
    stage-gate) main=dev.rca.telemetry.control.StageGateBenchmark module=ejb-pipeline ;;
    analyzer) main=dev.rca.pipeline.analyze.control.AnalyzerBenchmark module=ejb-pipeline ;;
    accuracy) main=dev.rca.pipeline.analyze.corpus.CorpusAccuracy module=ejb-pipeline ;;
    metrics) main=dev.rca.bench.MetricsRenderBenchmark module=deploy ;;
    sign-in) main=dev.rca.bench.SignInCurveBenchmark module=deploy ;;
    slow-clients) main=dev.rca.bench.SlowClientsBenchmark module=deploy ;;
    *) echo "unknown scenario '$scenario': upload, bundle, flags, stage-gate, analyzer, accuracy, metrics, sign-in or" \
           "slow-clients" >&2
       exit 2 ;;
esac
mvn -B -q -pl ejb-pipeline,cli -am install -DskipTests
mvn -B -q -pl "$module" test-compile
mvn -B -q -pl "$module" exec:java -Dexec.classpathScope=test -Dexec.mainClass="$main" -Dexec.args="$*"
