#!/usr/bin/env bash
# Uploads a generated, realistic UTF-8 log (default 8 MiB; the runbook's 5–10 MB warm-up) to a tenant.
#   API_HOST=http://127.0.0.1:8080 UPLOAD_TOKEN=... deploy/sample-upload.sh TENANT [MEGABYTES]
# (ADMIN_TOKEN works instead of UPLOAD_TOKEN.) Exits non-zero unless the upload is accepted (202).
set -euo pipefail
cd "$(dirname "$0")/.."
# The deploy module's classpath takes the EJB module from the local Maven repository: put it there on a fresh machine.
if [[ ! -d "${MAVEN_REPOSITORY:-$HOME/.m2/repository}/dev/rca/ejb-pipeline/0.1.0-SNAPSHOT" ]]; then
    mvn -B -q -pl ejb-pipeline -am install -DskipTests
fi
if [[ ! -f deploy/target/test-classes/dev/rca/it/SampleUpload.class ]]; then
    mvn -B -q -pl deploy test-compile
fi
mvn -B -q -pl deploy exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.rca.it.SampleUpload \
    -Dexec.args="$*"
