#!/usr/bin/env bash
# Applies CLI scripts from this folder to a stopped WildFly, offline (embed-server): the same scripts an operator
# runs online against a live server with `jboss-cli.sh -c --file=SCRIPT`.
#
#   configure.sh WILDFLY_HOME SCRIPT.cli [SCRIPT.cli ...]
#
# PGJDBC_JAR (path of the PostgreSQL driver jar) is handed to the scripts as property pgjdbc.jar.
set -euo pipefail

home=${1:?usage: configure.sh WILDFLY_HOME SCRIPT.cli...}
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
    echo "embed-server --server-config=standalone-full.xml --std-out=discard"
    for script in "$@"; do
        cat "$here/$script"
        echo
    done
    echo "stop-embedded-server"
} >"$work/commands.cli"
echo "pgjdbc.jar=${PGJDBC_JAR:-}" >"$work/cli.properties"

JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$work/commands.cli" --properties="$work/cli.properties" >"$work/out.log" 2>&1 || {
    cat "$work/out.log" >&2
    echo "configure.sh: applying $* to $home failed" >&2
    exit 1
}
