# Sourced by test.sh, benchmark.sh and cluster.sh: the local PostgreSQL (Debian's cluster tools) with the role rca/rca.
#
#   fresh_database NAME    starts the newest cluster if it is down, creates the role rca if missing, drops and
#                          creates database NAME owned by rca; sets pg_version, pg_name and pg_port
#   ensure_database NAME   the same, but keeps NAME with its data when it exists
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

local_cluster() {
    local cluster pg_status
    cluster=$(pg_lsclusters --no-header | sort -k1,1n | tail -n 1)
    read -r pg_version pg_name pg_port pg_status _ <<<"$cluster"
    if [[ "$pg_status" != online* ]]; then
        as_root pg_ctlcluster "$pg_version" "$pg_name" start
    fi
    if [[ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'rca'\"")" != 1 ]]; then
        psql_admin "-c \"CREATE ROLE rca LOGIN PASSWORD 'rca'\""
    fi
}

fresh_database() {
    local_cluster
    psql_admin "-c 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'"
    psql_admin "-c 'CREATE DATABASE $1 OWNER rca'"
}

ensure_database() {
    local_cluster
    if [[ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$1'\"")" != 1 ]]; then
        psql_admin "-c 'CREATE DATABASE $1 OWNER rca'"
    fi
}

psql_admin() { as_root su postgres -c "psql -p $pg_port -v ON_ERROR_STOP=1 -qAt $*"; }
