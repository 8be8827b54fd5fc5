#!/usr/bin/env bash
# The runbook's warm-up upload, kept for old notes: a thin wrapper around `rca sample` (docs/cli.md).
#   API_HOST=http://127.0.0.1:8080 UPLOAD_TOKEN=... deploy/sample-upload.sh TENANT [MEGABYTES]
# (ADMIN_TOKEN works instead of UPLOAD_TOKEN.) Exits non-zero unless the upload is accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 ]]; then
    echo "usage: deploy/sample-upload.sh TENANT [MEGABYTES]" >&2
    exit 2
fi
if [[ ! -f cli/target/rca.jar ]]; then
    mvn -B -q -pl cli -am package -DskipTests
fi
export RCA_API="${RCA_API:-${API_HOST:-http://127.0.0.1:8080}}"
export RCA_TOKEN="${RCA_TOKEN:-${UPLOAD_TOKEN:-${ADMIN_TOKEN:-}}}"
exec java -jar cli/target/rca.jar sample --tenant "$1" --mb "${2:-8}"
