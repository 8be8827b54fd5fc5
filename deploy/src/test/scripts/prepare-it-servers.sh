#!/usr/bin/env bash
# Copies the provisioned server into one server per database the integration tests run on, each with its
# datasource script applied. Arquillian deploys the EAR to them.
set -euo pipefail
server=${1:?server home}
out=${2:?output dir}
configure="$(dirname "$0")/../../../wildfly/configure.sh"

for db in postgresql h2; do
    rm -rf "${out:?}/$db"
    mkdir -p "$out"
    cp -a "$server" "$out/$db"
    # Start clean: no deployment, data, log or temp files that deploy/run.sh may have left in the original.
    rm -rf "$out/$db"/standalone/{data,log,tmp} "$out/$db"/standalone/deployments/rca-pipeline.ear*
    "$configure" "$out/$db" "datasource-$db.cli"
done
