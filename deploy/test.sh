#!/usr/bin/env bash
# The test command: installs and starts what the tests need when it is missing (Debian/Ubuntu, as root or with
# sudo), then runs every test with Maven: unit tests, then the integration tests on a provisioned WildFly with
# the real EAR, against PostgreSQL and once on the embedded defaults (H2); the admin UI in headless Chromium.
#
#   deploy/test.sh [extra Maven arguments]
#
# The test database rca_test (user rca, password rca) on the local PostgreSQL is dropped and created afresh.
# A second checkout runs beside the first with its own database and ports, e.g.
#   RCA_TEST_DATABASE=rca_test2 deploy/test.sh -Dit.port.offset=100 -Dit.management.port=10090
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# as_root and fresh_database
source "$root/deploy/postgresql.sh"

apt_updated=
need_package() {
    local package=$1
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        if [[ -z "$apt_updated" ]]; then
            as_root apt-get update -qq
            apt_updated=yes
        fi
        echo "Installing $package ..."
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    fi
}

need_package postgresql
need_package maven
need_package httpie
need_package prometheus
need_package prometheus-alertmanager
# The balancer in front of ClusterIT's nodes.
need_package haproxy
# The admin UI tests: a real headless browser, driven through its WebDriver.
need_package chromium
need_package chromium-driver

# The local cluster (the newest installed version) started if it is not running, and a fresh test database.
database=${RCA_TEST_DATABASE:-rca_test}
fresh_database "$database"
# ClusterIT's nodes: a database of their own.
fresh_database "${database}_cluster"

cd "$root"
exec mvn -B -ntp clean verify -Dit.postgresql.url="jdbc:postgresql://127.0.0.1:$pg_port/$database" \
    -Dit.cluster.postgresql.url="jdbc:postgresql://127.0.0.1:$pg_port/${database}_cluster" \
    -Dit.postgresql.cluster="$pg_version $pg_name" "$@"
