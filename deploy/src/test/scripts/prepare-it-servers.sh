#!/usr/bin/env bash
# Copies the provisioned server into one server per database the integration tests run on, each with its
# datasource script applied.
set -euo pipefail
server=${1:?server home}
out=${2:?output dir}
configure="$(dirname "$0")/../../../wildfly/configure.sh"

for db in postgresql h2; do
    rm -rf "${out:?}/$db"
    mkdir -p "$out"
    cp -a "$server" "$out/$db"
    "$configure" "$out/$db" "datasource-$db.cli"
done
