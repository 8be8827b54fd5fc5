#!/usr/bin/env bash
# An external ActiveMQ Artemis broker for the pipeline (the version of WildFly 39's messaging client, from Maven
# Central): creates a broker instance on first use, then runs it in the foreground (Ctrl-C or TERM stops it).
#
#   deploy/broker.sh [INSTANCE_DIR]        default deploy/target/cluster/broker
#
# Environment:
#   RCA_BROKER_PASSWORD      the password of the broker user (required when the instance is created)
#   RCA_BROKER_USER          the broker user the nodes log in as (default rca)
#   RCA_BROKER_PORT          the core protocol port on 127.0.0.1 (default 61616)
#   RCA_BROKER_HEAP          the broker's maximum heap (default 512m)
#   RCA_JMS_REDELIVERY_DELAY_MS, RCA_JMS_MAX_REDELIVERY_DELAY_MS, RCA_JMS_MAX_DELIVERY_ATTEMPTS
#                            the stage queues' redelivery back-off and attempts before the DLQ (defaults 1000, 60000,
#                            10: those of the embedded broker, deploy/wildfly/messaging.cli)
#
# The instance keeps its journal in INSTANCE_DIR/data: a restart (or a kill) loses no message that was sent. The
# settings above are written when the instance is created; delete the instance to change them (docs/operations.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
instance=${1:-$root/deploy/target/cluster/broker}
dist="$root/deploy/target/broker-dist/apache-artemis-2.44.0"
user=${RCA_BROKER_USER:-rca}
port=${RCA_BROKER_PORT:-61616}

if [[ ! -x "$dist/bin/artemis" ]]; then
    echo "Unpacking ActiveMQ Artemis from Maven Central into $dist ..."
    mvn -B -q -ntp -f "$root/deploy/pom.xml" dependency:unpack@unpack-broker
fi

if [[ ! -f "$instance/etc/broker.xml" ]]; then
    : "${RCA_BROKER_PASSWORD:?set RCA_BROKER_PASSWORD: the password of broker user $user}"
    echo "Creating the broker instance $instance ..."
    # --no-web: no console, no Jolokia; the nodes read queue depths through JMS management requests.
    # --no-autotune: the journal's buffer timeout is not tuned from a disk test, so runs are repeatable.
    "$dist/bin/artemis" create "$instance" --silent --force --require-login --user "$user" \
        --password "$RCA_BROKER_PASSWORD" --no-web --no-autotune --nio --host 127.0.0.1 --default-port "$port" \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        --queues ChunkRequestQueue:anycast,AnalyzeRequestQueue:anycast,DLQ:anycast,ExpiryQueue:anycast >/dev/null
    # The stage queues' redelivery: the same back-off as the embedded broker's, then the DLQ.
    settings=""
    for queue in ChunkRequestQueue AnalyzeRequestQueue; do
        settings+="         <address-setting match=\"$queue\">\n"
        settings+="            <dead-letter-address>DLQ</dead-letter-address>\n"
        settings+="            <expiry-address>ExpiryQueue</expiry-address>\n"
        settings+="            <redelivery-delay>${RCA_JMS_REDELIVERY_DELAY_MS:-1000}</redelivery-delay>\n"
        settings+="            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>\n"
        settings+="            <max-redelivery-delay>${RCA_JMS_MAX_REDELIVERY_DELAY_MS:-60000}</max-redelivery-delay>\n"
        settings+="            <max-delivery-attempts>${RCA_JMS_MAX_DELIVERY_ATTEMPTS:-10}</max-delivery-attempts>\n"
        settings+="         </address-setting>\n"
    done
    sed -i "s|^\(\s*\)</address-settings>|$settings\1</address-settings>|" "$instance/etc/broker.xml"
    # The nodes speak the core protocol only: the acceptor answers no other.
    sed -i 's|\(<acceptor name="artemis">[^<]*\)protocols=[^;<]*|\1protocols=CORE|' "$instance/etc/broker.xml"
    grep -q '<address-setting match="ChunkRequestQueue">' "$instance/etc/broker.xml" || {
        echo "broker.sh: could not add the stage queues' address-settings to $instance/etc/broker.xml" >&2
        exit 1
    }
fi

echo "ActiveMQ Artemis on tcp://127.0.0.1:$port (user $user); log: $instance/log/artemis.log"
JAVA_ARGS_APPEND="-Xms64m -Xmx${RCA_BROKER_HEAP:-512m}" exec "$instance/bin/artemis" run
