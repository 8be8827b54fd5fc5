#!/usr/bin/env bash
# Copies the provisioned server into one server per database the integration tests run on, each with its
# datasource script applied. Arquillian deploys the EAR to them.
set -euo pipefail
server=${1:?server home}
out=${2:?output dir}
configure="$(dirname "$0")/../../../wildfly/configure.sh"

# fault: a PostgreSQL server the fault suite starts, kills and restarts itself (FaultServer), beside Arquillian's.
for name in postgresql h2 fault; do
    db=${name/fault/postgresql}
    rm -rf "${out:?}/$name"
    mkdir -p "$out"
    cp -a "$server" "$out/$name"
    # Start clean: no deployment, data, log or temp files that deploy/run.sh may have left in the original.
    rm -rf "$out/$name"/standalone/{data,log,tmp} "$out/$name"/standalone/deployments/rca-pipeline.ear*
    "$configure" "$out/$name" "datasource-$db.cli"
done
