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

# cluster: the nodes' server of ClusterIT, with the external broker (messaging-remote.cli) on PostgreSQL; each node
# runs it with a base directory of its own (a copy of its standalone/), as deploy/cluster.sh does.
rm -rf "${out:?}/cluster" "$out"/cluster-node*
cp -a "$server" "$out/cluster"
rm -rf "$out/cluster"/standalone/{data,log,tmp} "$out/cluster"/standalone/deployments/rca-pipeline.ear*
"$configure" "$out/cluster" messaging-remote.cli datasource-postgresql.cli
for node in 1 2; do
    cp -a "$out/cluster/standalone" "$out/cluster-node$node"
done
