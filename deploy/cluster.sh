#!/usr/bin/env bash
# A cluster on this machine: an external ActiveMQ Artemis broker (deploy/broker.sh), N WildFly nodes with the EAR on
# one PostgreSQL database, all pointed at the broker, and optionally HAProxy in front. Prints every URL; Ctrl-C (or
# TERM) stops everything it started. A node that dies (not shut down) after running 2 minutes or more is started
# again, as a service manager would, so that a kill can be tried. docs/operations.md, "Cluster", describes the topology.
#
#   deploy/cluster.sh [--nodes=N] [--haproxy] [--no-build]      N defaults to 2
#
# Node K (1..N) runs with port offset RCA_CLUSTER_OFFSET + 100*K (default offset 0: node 1 on 8180, management 10090;
# node 2 on 8280, 10190), node name nodeK, transaction node id rca-nodeK, and its own server folder
# deploy/target/cluster/nodeK (jboss.server.base.dir), kept across starts with its transaction log.
# HAProxy listens on RCA_LB_PORT (default 8080).
#
# Environment:
#   POSTGRESQL_URL, POSTGRESQL_USER, POSTGRESQL_PASSWORD   the shared database; default: database rca_cluster on the
#                                                           local PostgreSQL (created if missing, never dropped)
#   RCA_BROKER_PASSWORD     the broker user's password; default: generated once into deploy/target/cluster/broker.secret
#   RCA_BROKER_PORT         the broker's port (default 61616)
#   RCA_BOOTSTRAP_ADMIN_TOKEN, RCA_BOOTSTRAP_ADMIN_USER, RCA_BOOTSTRAP_ADMIN_PASSWORD   as for deploy/run.sh, every node
#   RCA_JAVA_OPTS           extra JVM options for every node (e.g. -Xmx1g, -Drca.recovery.stuck-after-seconds=60)
#   RCA_NODE_CPUS           a taskset CPU list per node, space-separated (e.g. "0 1": node 1 on CPU 0, node 2 on CPU 1)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
nodes=2
haproxy=
build=yes
for option in "$@"; do
    case "$option" in
        --nodes=*) nodes=${option#--nodes=} ;;
        --haproxy) haproxy=yes ;;
        --no-build) build= ;;
        *) echo "unknown option '$option': --nodes=N, --haproxy or --no-build" >&2; exit 2 ;;
    esac
done
[[ "$nodes" =~ ^[1-9][0-9]?$ ]] || { echo "--nodes must be 1-99, not '$nodes'" >&2; exit 2; }

work="$root/deploy/target/cluster"
server="$root/deploy/target/server/wildfly-39.0.1.Final"
template="$work/server"
offset=${RCA_CLUSTER_OFFSET:-0}
broker_port=${RCA_BROKER_PORT:-61616}
lb_port=${RCA_LB_PORT:-8080}
read -r -a cpus <<<"${RCA_NODE_CPUS:-}"

if [[ -n "$build" ]]; then
    (cd "$root" && mvn -B -q -ntp -DskipTests package)
fi
mkdir -p "$work"

# The database.
if [[ -z "${POSTGRESQL_URL:-}" ]]; then
    source "$root/deploy/postgresql.sh"
    ensure_database rca_cluster
    export POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$pg_port/rca_cluster" POSTGRESQL_USER=rca POSTGRESQL_PASSWORD=rca
fi

# The broker's password: the operator's, or one generated for this folder and kept (the instance was created with it).
if [[ -z "${RCA_BROKER_PASSWORD:-}" ]]; then
    if [[ ! -f "$work/broker.secret" ]]; then
        (umask 077 && openssl rand -hex 24 >"$work/broker.secret")
    fi
    RCA_BROKER_PASSWORD=$(cat "$work/broker.secret")
fi
export RCA_BROKER_PASSWORD RCA_BROKER_PORT=$broker_port

# The nodes' server: the provisioned one, with the remote broker instead of the embedded one, on PostgreSQL.
if [[ ! -f "$template/.configured" || "$server/standalone/configuration/standalone-full.xml" -nt "$template/.configured" ]]; then
    echo "Configuring the nodes' server in $template ..."
    rm -rf "$template"
    cp -a "$server" "$template"
    rm -rf "$template"/standalone/{data,log,tmp} "$template"/standalone/deployments/rca-pipeline.ear*
    "$root/deploy/wildfly/configure.sh" "$template" messaging-remote.cli datasource-postgresql.cli
    touch "$template/.configured"
fi

broker_pid=
lb_pid=
declare -A node_of=() started_at=()   # a running node's launcher pid -> K; K -> $SECONDS at its start
# Ends processes (TERM, then KILL after 60 s) and waits for them.
end_all() {
    local pid alive
    for pid in "$@"; do
        kill "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 120); do
        alive=
        for pid in "$@"; do
            if kill -0 "$pid" 2>/dev/null; then
                alive=yes
            fi
        done
        [[ -z "$alive" ]] && return 0
        sleep 0.5
    done
    for pid in "$@"; do
        pkill -KILL -P "$pid" 2>/dev/null || true
        kill -KILL "$pid" 2>/dev/null || true
    done
}
# The nodes (and HAProxy) first, so that they return their in-flight messages to a broker that is still there: a
# node whose broker is gone retries it while shutting down. Then the broker.
stop_all() {
    trap - EXIT INT TERM
    echo "Stopping ..."
    local running=("${!node_of[@]}" $lb_pid)
    if [[ ${#running[@]} -gt 0 ]]; then
        end_all "${running[@]}"
    fi
    if [[ -n "$broker_pid" ]]; then
        end_all "$broker_pid"
    fi
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

wait_for() { # what, seconds, command...
    local what=$1 seconds=$2
    shift 2
    for _ in $(seq 1 $((seconds * 2))); do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "$what did not come up in $seconds s" >&2
    exit 1
}

"$root/deploy/broker.sh" "$work/broker" >"$work/broker.log" 2>&1 &
broker_pid=$!
wait_for "the broker (log: $work/broker/log/artemis.log)" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$broker_port"

# Node K's server: its own folder (kept, with its transaction log), port offset, node name and transaction node id.
start_node() {  # K
    local k=$1 base="$work/node$1" node_offset=$((offset + 100 * $1)) launcher=()
    if [[ -n "${cpus[$((k - 1))]:-}" ]]; then
        launcher=(taskset -c "${cpus[$((k - 1))]}")
    fi
    mkdir -p "$base/tmp"
    LAUNCH_JBOSS_IN_BACKGROUND=true JBOSS_PIDFILE="$base/tmp/server.pid" \
        JAVA_OPTS="-Xmx512m ${RCA_JAVA_OPTS:-} ${haproxy:+-Drca.http.trusted-proxies=127.0.0.2}" \
        "${launcher[@]}" "$template/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 \
        -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$node_offset" \
        -Djboss.node.name="node$k" -Djboss.tx.node.id="rca-node$k" -Drca.broker.port="$broker_port" \
        >>"$base/log/console.log" 2>&1 &
    node_of[$!]=$k
    started_at[$k]=$SECONDS
}

for k in $(seq 1 "$nodes"); do
    base="$work/node$k"
    if [[ ! -d "$base" ]]; then
        cp -a "$template/standalone" "$base"
    fi
    rm -f "$base"/deployments/rca-pipeline.ear*
    cp "$root/ear/target/rca-pipeline.ear" "$base/deployments/"
    mkdir -p "$base/log"
    : >"$base/log/console.log"
    start_node "$k"
done

lines=()
for k in $(seq 1 "$nodes"); do
    node_offset=$((offset + 100 * k))
    wait_for "node$k (log: $work/node$k/log/server.log)" 240 \
        curl -sf -o /dev/null "http://127.0.0.1:$((9990 + node_offset))/health/ready"
    lines+=("    server node$k 127.0.0.1:$((8080 + node_offset)) check port $((9990 + node_offset)) cookie node$k")
    echo "node$k: http://127.0.0.1:$((8080 + node_offset))/  readiness http://127.0.0.1:$((9990 + node_offset))/health/ready  log $work/node$k/log/server.log"
done
echo "broker: tcp://127.0.0.1:$broker_port (user ${RCA_BROKER_USER:-rca}, password in RCA_BROKER_PASSWORD or $work/broker.secret)  log $work/broker/log/artemis.log"

if [[ -n "$haproxy" ]]; then
    command -v haproxy >/dev/null || { echo "haproxy is not installed: apt-get install haproxy" >&2; exit 1; }
    { cat "$root/deploy/cluster/haproxy.cfg"; printf '%s\n' "${lines[@]}"; } >"$work/haproxy.cfg"
    RCA_LB_PORT=$lb_port RCA_LB_SOURCE=127.0.0.2 RCA_LB_ERRORS="$root/deploy/cluster/errors" \
        haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
    lb_pid=$!
    wait_for "haproxy (log: $work/haproxy.log)" 20 curl -s -o /dev/null "http://127.0.0.1:$lb_port/"
    echo "balancer: http://127.0.0.1:$lb_port/  (admin UI http://127.0.0.1:$lb_port/admin/, sticky per browser)"
fi
echo "Prometheus: scrape every node (deploy/ops/prometheus/prometheus.yml, one target per node). Ctrl-C stops all."
# A node that ends (killed, crashed) is started again on its folder, so that its transaction log recovers what it
# left prepared, unless it was shut down or ran less than 2 minutes (a node that cannot start is not restarted in a
# loop). The broker or HAProxy ending, or the last node, ends the cluster.
while true; do
    ended=
    wait -n -p ended "$broker_pid" $lb_pid "${!node_of[@]}" || true
    if [[ -z "$ended" ]]; then
        break
    elif [[ "$ended" == "$broker_pid" ]]; then
        echo "the broker ended (log: $work/broker/log/artemis.log)" >&2
        break
    elif [[ "$ended" == "$lb_pid" ]]; then
        echo "the balancer ended (log: $work/haproxy.log)" >&2
        break
    fi
    k=${node_of[$ended]}
    unset "node_of[$ended]"
    # standalone.sh ends with 0 after a kill too: a node that was shut down logged "stopped" (WFLYSRV0050) last.
    if tail -n 20 "$work/node$k/log/server.log" | grep -q WFLYSRV0050; then
        echo "node$k was shut down; not restarted" >&2
    elif ((SECONDS - started_at[$k] < 120)); then
        echo "node$k ended less than 2 minutes after its start; not restarted (log: $work/node$k/log/server.log)" >&2
    else
        echo "$(date -u +%H:%M:%S) node$k ended; starting it again on $work/node$k (its transaction log recovers" \
            "what it left)"
        start_node "$k"
    fi
    [[ ${#node_of[@]} -gt 0 ]] || break
done
