#!/usr/bin/env bash
# Builds the EAR, provisions WildFly 39 into deploy/target/server (first run only: Maven Central's wildfly-dist),
# starts it with the EAR deployed and prints the URL. Embedded defaults: H2 and the server's embedded Artemis.
# Set POSTGRESQL_URL, POSTGRESQL_USER and POSTGRESQL_PASSWORD to run on PostgreSQL instead, no rebuild needed.
#
#   deploy/run.sh                 build, start, stay in the foreground (Ctrl-C stops the server)
#   deploy/run.sh --no-build      start what was built last
#
# Extra server JVM options: RCA_JAVA_OPTS, e.g. RCA_JAVA_OPTS="-Xmx2g -Drca.chunk.target-bytes=65536".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
home="$root/deploy/target/server/wildfly-39.0.1.Final"
port=${RCA_HTTP_PORT:-8080}
# The port the server really listens on: a port offset in RCA_JAVA_OPTS shifts it.
offset=$(grep -o 'jboss.socket.binding.port-offset=[0-9]*' <<<"${RCA_JAVA_OPTS:-}" | tail -n 1 | cut -d= -f2 || true)
url_port=$((port + ${offset:-0}))

if [[ "${1:-}" != "--no-build" ]]; then
    (cd "$root" && mvn -B -q -DskipTests package)
fi

if [[ -n "${POSTGRESQL_URL:-}" ]]; then
    database=postgresql
else
    database=h2
fi
"$root/deploy/wildfly/configure.sh" "$home" "datasource-$database.cli"

deployments="$home/standalone/deployments"
rm -f "$deployments"/rca-pipeline.ear*
cp "$root/ear/target/rca-pipeline.ear" "$deployments/"

if [[ -z "${RCA_BOOTSTRAP_ADMIN_TOKEN:-}" ]]; then
    echo "Note: RCA_BOOTSTRAP_ADMIN_TOKEN is not set, so no admin token is registered by this start; the API"
    echo "      needs one: export RCA_BOOTSTRAP_ADMIN_TOKEN=rca_adm_\$(openssl rand -hex 24) and start again."
fi
if [[ -z "${RCA_BOOTSTRAP_ADMIN_USER:-}" || -z "${RCA_BOOTSTRAP_ADMIN_PASSWORD:-}" ]]; then
    echo "Note: RCA_BOOTSTRAP_ADMIN_USER/RCA_BOOTSTRAP_ADMIN_PASSWORD are not both set, so no admin UI user is"
    echo "      registered by this start (docs/admin-ui.md)."
fi
echo "Starting WildFly ($database) ..."
# In the background of standalone.sh, so that it relays a TERM to the JVM (run.sh stopped by kill stops the server too)
# and writes the JVM's process id to server.pid for tools such as jcmd.
mkdir -p "$home/standalone/tmp"
rm -f "$home/standalone/tmp/server.pid"
LAUNCH_JBOSS_IN_BACKGROUND=true JBOSS_PIDFILE="$home/standalone/tmp/server.pid" \
    JAVA_OPTS="${RCA_JAVA_OPTS:-} -Djboss.http.port=$port" "$home/bin/standalone.sh" -c standalone-full.xml \
    -b 127.0.0.1 >"$home/standalone/log/console.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT INT TERM

for _ in $(seq 1 240); do
    if [[ -f "$deployments/rca-pipeline.ear.deployed" ]]; then
        echo "RCA Pipeline is running on $database: http://127.0.0.1:$url_port/"
        echo "  upload: curl -i -H \"Authorization: Bearer \$ADMIN_TOKEN\" -H 'Content-Type: text/plain' --data-binary @app.log http://127.0.0.1:$url_port/api/tenants/default/uploads"
        echo "          (ADMIN_TOKEN = the RCA_BOOTSTRAP_ADMIN_TOKEN this server was started with; see README.md)"
        echo "  admin UI: http://127.0.0.1:$url_port/admin/ (RCA_BOOTSTRAP_ADMIN_USER and its password)"
        echo "  log:    $home/standalone/log/server.log"
        wait $server
        exit $?
    fi
    if [[ -f "$deployments/rca-pipeline.ear.failed" ]] || ! kill -0 $server 2>/dev/null; then
        echo "Deployment failed; see $home/standalone/log/server.log" >&2
        tail -n 40 "$home/standalone/log/server.log" >&2 || true
        exit 1
    fi
    sleep 0.5
done
echo "Deployment did not finish in 120 s; see $home/standalone/log/server.log" >&2
exit 1
