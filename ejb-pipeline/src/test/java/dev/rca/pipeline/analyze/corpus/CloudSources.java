package dev.rca.pipeline.analyze.corpus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The corpus's layouts of services in containers: Python logging with tracebacks, a Go service with the standard
 * logger and panics, Kubernetes components (klog), a container runtime's CRI log of a Node.js service, and a
 * logfmt service (Prometheus).
 */
final class CloudSources {

    /** A Python frame: file, function and the source line it shows. */
    record PythonFrame(String file, String function, String code, boolean carets) {
    }

    static final List<PythonFrame> PYTHON_FRAMES = List.of(
            new PythonFrame("/usr/local/lib/python3.11/site-packages/celery/app/trace.py", "trace_task",
                    "R = retval = fun(*args, **kwargs)", true),
            new PythonFrame("/usr/local/lib/python3.11/site-packages/flask/app.py", "full_dispatch_request",
                    "rv = self.dispatch_request()", true),
            new PythonFrame("/usr/local/lib/python3.11/site-packages/flask/app.py", "dispatch_request",
                    "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)", true),
            new PythonFrame("/srv/app/app/api/orders.py", "create_order", "order = service.create(payload)", true),
            new PythonFrame("/srv/app/app/tasks.py", "run_batch", "process_order(order_id)", false),
            new PythonFrame("/srv/app/app/tasks.py", "process_order", "total = int(row[\"qty\"]) * price", true),
            new PythonFrame("/srv/app/app/services/orders.py", "create", "self.repo.add(order)", false),
            new PythonFrame("/srv/app/app/db.py", "add", "session.commit()", false),
            new PythonFrame("/usr/local/lib/python3.11/site-packages/sqlalchemy/orm/session.py", "commit",
                    "trans.commit(_to_root=True)", false),
            new PythonFrame("/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py",
                    "_exec_single_context", "self.dialect.do_execute(", false),
            new PythonFrame("/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/default.py", "do_execute",
                    "cursor.execute(statement, parameters)", false));

    private CloudSources() {
    }

    static List<Source> all() {
        return List.of(python(), go(), klog(), cri(), logfmt());
    }

    static List<String> traceback(Random r) {
        List<String> lines = new ArrayList<>();
        lines.add("Traceback (most recent call last):");
        int from = r.nextInt(PYTHON_FRAMES.size() - 2);
        int count = 2 + r.nextInt(Math.min(7, PYTHON_FRAMES.size() - from - 1));
        for (int i = from; i < from + count; i++) {
            PythonFrame frame = PYTHON_FRAMES.get(i);
            lines.add("  File \"" + frame.file() + "\", line " + (12 + Math.floorMod(frame.function().hashCode(), 2000))
                    + ", in " + frame.function());
            lines.add("    " + frame.code());
            if (frame.carets() && r.nextBoolean()) {
                lines.add("    " + "^".repeat(Math.min(frame.code().length(), 8 + r.nextInt(20))));
            }
        }
        return lines;
    }

    /** Python logging with the cookbook's format, {@code %(asctime)s - %(name)s - %(levelname)s - %(message)s}. */
    static Source python() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);
        return new Source("python", "2024-01-01T06:00:00Z") {
            {
                meanGapMillis = 650;
                kind("dbname", "orders", "orders_prod", "analytics");
                kind("celery", "app.tasks.send_invoice", "app.tasks.sync_stock", "app.tasks.process_order",
                        "app.tasks.cleanup_sessions");
                kind("result", r -> Values.pick(r, "None", "True", "{'sent': " + r.nextInt(9) + "}", "'ok'",
                        "[" + r.nextInt(99) + ", " + r.nextInt(99) + "]"));
                kind("pyexc", r -> Values.pick(r, "ConnectionError('timeout')", "KeyError('customer_id')",
                        "SoftTimeLimitExceeded()", "IntegrityError('duplicate key value')"));
                kind("method", "GET", "POST", "PUT", "DELETE");
                kind("route", r -> Values.pick(r, "/api/orders", "/api/orders/" + r.nextInt(90_000), "/health",
                        "/api/customers/" + r.nextInt(9000) + "/invoices"));
                kind("status", "200", "200", "201", "204", "400", "404", "500");
                kind("apikey", r -> "key_" + Values.alnum(r, 6) + "…");
                kind("key", r -> Values.pick(r, "customer:", "order:", "price:") + r.nextInt(90_000));
                kind("mail", "invoice", "welcome", "password reset", "shipping confirmation");
                kind("job", "cleanup_sessions", "refresh_exchange_rates", "export_daily_report");
                kind("runtime", r -> String.format(Locale.ROOT, "2024-01-01 %02d:%02d:00 UTC", 6 + r.nextInt(12),
                        r.nextInt(60)));
                kind("badnum", "abc", "", "12.5", "1,000", "N/A");
                kind("field", "customer_id", "qty", "sku", "price");
                kind("pyhost", "db", "db-replica", "10.0.3.17");
                kind("clock", r -> String.format(Locale.ROOT, "01/Jan/2024 %02d:%02d:%02d", 6 + r.nextInt(12),
                        r.nextInt(60), r.nextInt(60)));
                String tasks = "app.tasks";
                st("INFO", "app.main", "Starting worker with ${small} processes (pid ${pid})").startup();
                st("INFO", "app.db", "Connected to postgresql://${user}@${pyhost}:5432/${dbname}").rare(3);
                st("WARNING", "app.db", "Connection to ${pyhost} lost, reconnecting in ${small}s").weight(0.2);
                st("INFO", tasks, "Task ${celery}[${uuid}] received");
                st("INFO", tasks, "Task ${celery}[${uuid}] succeeded in ${secs}s: ${result}");
                st("ERROR", tasks, "Task ${celery}[${uuid}] raised unexpected: ${pyexc}").weight(0.1);
                st("ERROR", tasks, "Failed to process order ${int}").weight(0.1).dump("traceback")
                        .throwing("ValueError: invalid literal for int() with base ${=10}: '${badnum}'")
                        .throwing("KeyError: '${field}'");
                st("INFO", "werkzeug", "${ip} - - [${clock}] \"${method} ${route} HTTP/1.1\""
                        + " ${status} -");
                st("WARNING", "app.api", "Rate limit exceeded for ${apikey}").weight(0.3);
                st("ERROR", "app.api", "Exception on ${route} [${method}]").weight(0.1).dump("traceback")
                        .throwing("sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to"
                                + " server at \"${pyhost}\" (${ip}), port ${=5432} failed: Connection refused")
                        .throwing("TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'")
                        .throwing("psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint"
                                + " \"orders_pkey\"", "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation)"
                                + " duplicate key value violates unique constraint \"orders_pkey\"");
                st("DEBUG", "app.cache", "Cache hit for ${key}");
                st("DEBUG", "app.cache", "Cache miss for ${key}, loading from database");
                st("INFO", "app.mail", "Sent ${mail} email to ${email}");
                st("WARNING", "app.mail", "SMTP server ${host} responded ${=421}: Service not available, closing"
                        + " transmission channel").rare(3);
                st("INFO", "apscheduler.executors.default", "Running job \"${job} (trigger: interval[0:05:00], next"
                        + " run at: ${runtime})\" (scheduled at ${runtime})");
                st("INFO", "apscheduler.executors.default", "Job \"${job} (trigger: interval[0:05:00], next run at:"
                        + " ${runtime})\" executed successfully");
                st("WARNING", "urllib3.connectionpool", "Retrying (Retry(total=${small}, connect=None, read=None,"
                        + " redirect=None, status=None)) after connection broken by 'NewConnectionError('"
                        + "<urllib3.connection.HTTPSConnection object at 0x${hex12}>: Failed to establish a new"
                        + " connection: [Errno ${=111}] Connection refused')': /v1/charges").weight(0.1);
                st("DEBUG", "urllib3.connectionpool", "Starting new HTTPS connection (${small}): ${host}:443");
                st("DEBUG", "urllib3.connectionpool", "https://${host}:443 \"POST /v1/charges HTTP/1.1\" ${status}"
                        + " ${int}");
                st("INFO", "app.worker", "Processed batch ${int}: ${int} ok, ${int} failed");
                st("CRITICAL", "app.main", "Unrecoverable error, shutting down").rare(1).dump("traceback")
                        .throwing("MemoryError");
            }

            @Override
            void render(Event event, Emitter out) {
                String prefix = time.format(utc(event.time)) + " - " + event.statement.origin + " - "
                        + event.statement.level + " - ";
                out.line(prefix + event.message, event.message, millis(event.time));
                if (event.thrown == null) {
                    return;
                }
                Random r = event.random;
                traceback(r).forEach(out::more);
                out.more(event.exception);
                if (event.exception.startsWith("sqlalchemy.exc.OperationalError")) {
                    out.more("\tIs the server running on that host and accepting TCP/IP connections?");
                    out.more("");
                    out.more("(Background on this error at: https://sqlalche.me/e/20/e3q8)");
                }
                for (String cause : event.causes) {
                    out.more("");
                    out.more("The above exception was the direct cause of the following exception:");
                    out.more("");
                    traceback(r).forEach(out::more);
                    out.more(cause);
                }
            }
        };
    }

    /** A Go service with the standard logger ({@code log.LstdFlags}), recovered and fatal panics. */
    static Source go() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
        return new Source("go", "2025-05-06T08:00:00Z") {
            {
                meanGapMillis = 700;
                kind("godur", r -> switch (r.nextInt(3)) {
                    case 0 -> r.nextInt(999) + "." + r.nextInt(999) + "µs";
                    case 1 -> r.nextInt(999) + "." + r.nextInt(999) + "ms";
                    default -> r.nextInt(9) + "." + r.nextInt(999_999) + "s";
                });
                kind("method", "GET", "GET", "POST", "PUT", "DELETE");
                kind("route", r -> Values.pick(r, "/v1/orders", "/v1/orders/" + r.nextInt(90_000), "/v1/users/me",
                        "/healthz", "/v1/search?q=" + Values.pick(r, Values.WORDS)));
                kind("upstream", "orders-svc", "users-svc", "search-svc", "legacy-api");
                kind("status", "200", "200", "200", "201", "404", "502", "504");
                kind("clientid", r -> Values.pick(r, "mobile-app", "partner-") + Values.alnum(r, 4));
                kind("jwterr", "token is expired", "signature is invalid", "token used before issued");
                kind("query", "orders.byCustomer", "users.get", "orders.insert");
                kind("tlserr", "EOF", "remote error: tls: bad certificate", "tls: first record does not look like a"
                        + " TLS handshake", "read tcp 10.0.1.5:8443->10.0.7.1:50122: read: connection reset by peer");
                st("INFO", "-", "gateway ${version} starting, listening on :${=8443}").startup();
                st("INFO", "-", "config: loaded ${small} routes from /etc/gateway/routes.yaml").rare(2);
                st("INFO", "-", "config: reload triggered by SIGHUP").rare(1);
                st("INFO", "-", "http: TLS handshake error from ${ipport}: ${tlserr}");
                st("INFO", "-", "http: Accept error: accept tcp [::]:8443: accept4: too many open files; retrying in"
                        + " ${=5ms|10ms|20ms}").rare(3);
                st("INFO", "-", "http: superfluous response.WriteHeader call from main.(*handler).ServeHTTP"
                        + " (server.go:${=112})").weight(0.1);
                st("INFO", "-", "proxy: ${method} ${route} -> ${upstream} ${status} ${godur}");
                st("INFO", "-", "proxy: upstream ${upstream} unreachable: dial tcp ${ipport}: connect: connection"
                        + " refused").weight(0.2);
                st("INFO", "-", "proxy: upstream ${upstream} timed out after ${godur}").weight(0.2);
                st("INFO", "-", "auth: invalid token for client ${clientid}: ${jwterr}").weight(0.4);
                st("INFO", "-", "auth: client ${clientid} exceeded rate limit (${int} req/min)").weight(0.3);
                st("INFO", "-", "cache: evicted ${int} entries, size now ${int}");
                st("INFO", "-", "metrics: pushed ${int} series to ${url} in ${godur}");
                st("INFO", "-", "db: pool stats open=${small} idle=${small} inUse=${small} waitCount=${int}");
                st("INFO", "-", "db: query \"${query}\" took ${godur}");
                st("INFO", "-", "grpc: addrConn.createTransport failed to connect to {${ipport} ${ipport} <nil> ${=0}"
                        + " <nil>}. Err: connection error: desc = \"transport: Error while dialing dial tcp ${ipport}:"
                        + " i/o timeout\". Reconnecting...").weight(0.1);
                st("INFO", "-", "http: panic serving ${ipport}: runtime error: invalid memory address or nil pointer"
                        + " dereference").rare(3).dump("recovered");
                st("INFO", "panic", "panic: runtime error: invalid memory address or nil pointer dereference").rare(1)
                        .dump("panic");
                st("INFO", "panic", "panic: runtime error: index out of range [${small}] with length ${small}").rare(1)
                        .dump("panic");
                st("INFO", "-", "shutdown: draining ${small} connections").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                if (event.statement.origin.equals("panic")) {
                    out.line(event.message, event.message, NO_TIMESTAMP);
                    if (event.message.contains("nil pointer")) {
                        out.more("[signal SIGSEGV: segmentation violation code=0x1 addr=0x" + Values.hex(r, 2)
                                + " pc=0x" + Values.hex(r, 6) + "]");
                    }
                    out.more("");
                    out.more("goroutine " + (1 + r.nextInt(900)) + " [running]:");
                    out.more("main.(*Cache).evict(0x0, 0x" + Values.hex(r, 2) + ")");
                    out.more("\t/src/gateway/cache.go:88 +0x2a");
                    out.more("main.(*Cache).loop(0xc000" + Values.hex(r, 6) + ")");
                    out.more("\t/src/gateway/cache.go:61 +0x9c");
                    out.more("created by main.NewCache in goroutine 1");
                    out.more("\t/src/gateway/cache.go:40 +0x11d");
                    return;
                }
                String prefix = time.format(utc(event.time)) + " ";
                out.line(prefix + event.message, event.message, seconds(event.time));
                if ("recovered".equals(event.statement.dump)) {
                    out.more("goroutine " + (100 + r.nextInt(90_000)) + " [running]:");
                    out.more("net/http.(*conn).serve.func1()");
                    out.more("\t/usr/local/go/src/net/http/server.go:1947 +0xbe");
                    out.more("panic({0x8f1e20?, 0xd3c7a0?})");
                    out.more("\t/usr/local/go/src/runtime/panic.go:785 +0x132");
                    out.more("main.(*Proxy).forward(0xc0001a2000, {0xa3f1c8, 0xc000" + Values.hex(r, 6) + "}, 0xc000"
                            + Values.hex(r, 6) + ")");
                    out.more("\t/src/gateway/proxy.go:118 +0x2aa");
                    out.more("net/http.serverHandler.ServeHTTP({0xc0001b6000?}, {0xa3f1c8?, 0xc000212380?}, 0x6?)");
                    out.more("\t/usr/local/go/src/net/http/server.go:3210 +0x8e");
                    out.more("net/http.(*conn).serve(0xc00021e000, {0xa40a08, 0xc0001a4120})");
                    out.more("\t/usr/local/go/src/net/http/server.go:2092 +0x5d0");
                    out.more("created by net/http.(*Server).Serve in goroutine 1");
                    out.more("\t/usr/local/go/src/net/http/server.go:3360 +0x485");
                }
            }
        };
    }

    /** Kubernetes components logging through klog: {@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg}. */
    static Source klog() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT);
        return new Source("klog", "2025-12-05T10:11:12Z") {
            {
                meanGapMillis = 300;
                kind("namespace", "default", "kube-system", "monitoring", "shop", "ingress-nginx");
                kind("pod", r -> Values.pick(r, "web", "api", "worker", "coredns", "ingress-nginx-controller")
                        + "-" + Values.alnum(r, 9) + "-" + Values.alnum(r, 5));
                kind("node", r -> "node-" + (1 + r.nextInt(12)));
                kind("controller", "endpoint", "endpointslice", "replicaset", "deployment", "job", "garbage collector");
                kind("kind", "*v1.Pod", "*v1.Secret", "*v1.ConfigMap", "*v1.Node", "*v1.Service");
                kind("container", "app", "sidecar", "init-db", "nginx", "istio-proxy");
                kind("containerid", r -> "containerd://" + Values.hex(r, 64));
                kind("reason", "Scheduled", "Pulled", "Created", "Started", "Killing", "BackOff");
                kind("sa", "kube-system:default", "monitoring:prometheus", "shop:api");
                kind("resource", "secrets", "configmaps", "leases");
                kind("volume", r -> "kube-api-access-" + Values.alnum(r, 5));
                kind("eventtype", "ContainerStarted", "ContainerDied");
                kind("kdur", r -> r.nextInt(10) + "." + r.nextInt(1_000_000) + "s");
                st("I", "server.go:155 1", "Version: ${=v1.31.2}").startup();
                st("I", "leaderelection.go:254 1", "attempting to acquire leader lease"
                        + " kube-system/kube-controller-manager...").startup();
                st("I", "controller.go:90 1", "\"Config\" data=<").startup().dump("config");
                st("I", "reflector.go:368 1", "Starting reflector ${kind} (${=10m0s}) from"
                        + " k8s.io/client-go/informers/factory.go:${=160}").rare(3);
                st("I", "shared_informer.go:313 1", "Waiting for caches to sync for ${controller}").rare(3);
                st("I", "shared_informer.go:320 1", "Caches are synced for ${controller}").rare(3);
                st("I", "controller.go:224 1", "\"Starting controller\" controller=\"${controller}\"").rare(3);
                st("I", "event.go:389 1", "\"Event occurred\" object=\"${namespace}/${pod}\" fieldPath=\"\""
                        + " kind=\"Pod\" apiVersion=\"v1\" type=\"Normal\" reason=\"${reason}\" message=\"Successfully"
                        + " assigned ${namespace}/${pod} to ${node}\"");
                st("I", "kubelet.go:2414 1457", "\"SyncLoop (PLEG): event for pod\" pod=\"${namespace}/${pod}\""
                        + " event={\"ID\":\"${uuid}\",\"Type\":\"${eventtype}\",\"Data\":\"${hex16}\"}");
                st("E", "pod_workers.go:1301 1457", "\"Error syncing pod, skipping\" err=\"failed to"
                        + " \\\"StartContainer\\\" for \\\"${container}\\\" with CrashLoopBackOff: \\\"back-off"
                        + " ${=5m0s|40s|1m20s} restarting failed container=${container}"
                        + " pod=${pod}_${namespace}(${uuid})\\\"\" pod=\"${namespace}/${pod}\" podUID=\"${uuid}\"")
                        .weight(0.3);
                st("W", "reflector.go:561 1", "k8s.io/client-go/informers/factory.go:160: failed to list ${kind}:"
                        + " ${resource} is forbidden: User \"system:serviceaccount:${sa}\" cannot list resource"
                        + " \"${resource}\" in API group \"\" at the cluster scope").weight(0.1);
                st("E", "leaderelection.go:436 1", "error retrieving resource lock kube-system/kube-controller-manager:"
                        + " Get \"https://${=10.96.0.1:443}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/"
                        + "kube-controller-manager?timeout=5s\": context deadline exceeded").weight(0.05);
                st("I", "pod_startup_latency_tracker.go:104 1457", "\"Observed pod startup duration\""
                        + " pod=\"${namespace}/${pod}\" podStartSLOduration=${kdur} podStartE2EDuration=\"${kdur}\"");
                st("I", "kuberuntime_container.go:808 1457", "\"Killing container with a grace period\""
                        + " pod=\"${namespace}/${pod}\" podUID=\"${uuid}\" containerName=\"${container}\""
                        + " containerID=\"${containerid}\" gracePeriod=${=30}");
                st("I", "scope.go:117 1457", "\"RemoveContainer\" containerID=\"${hex16}\"");
                st("I", "reconciler_common.go:299 1457", "\"Volume detached for volume \\\"${volume}\\\" (UniqueName:"
                        + " \\\"kubernetes.io/projected/${uuid}-${volume}\\\") on node \\\"${node}\\\" DevicePath"
                        + " \\\"\\\"\"");
                st("I", "replica_set.go:679 1", "\"Finished syncing\" logger=\"replicaset-controller\""
                        + " kind=\"ReplicaSet\" key=\"${namespace}/${pod}\" duration=\"${kdur}\"");
                st("W", "warnings.go:70 1", "unknown field \"spec.template.spec.containers[0].resources.claims\"")
                        .rare(2);
                st("E", "remote_runtime.go:385 1457", "\"StopContainer from runtime service failed\" err=\"rpc error:"
                        + " code = DeadlineExceeded desc = context deadline exceeded\" containerID=\"${hex16}\"")
                        .rare(3);
                st("I", "garbagecollector.go:817 1", "\"Deleting item\" logger=\"garbage-collector-controller\""
                        + " item=\"[v1/Pod, namespace: ${namespace}, name: ${pod}, uid: ${uuid}]\""
                        + " propagationPolicy=\"Background\"").weight(0.3);
                st("I", "node_lifecycle_controller.go:1078 1", "Node ${node} ReadyCondition updated. Updating"
                        + " timestamp.").weight(0.2);
            }

            @Override
            void render(Event event, Emitter out) {
                String[] origin = event.statement.origin.split(" ");
                LocalDateTime at = utc(event.time);
                long truth = yearless(at.getMonthValue(), at.getDayOfMonth(), clockMillis(event.time));
                String prefix = String.format(Locale.ROOT, "%s%s %7s %s] ", event.statement.level, time.format(at),
                        origin[1], origin[0]);
                out.line(prefix + event.message, event.message, truth);
                if ("config".equals(event.statement.dump)) {
                    for (String line : List.of("apiVersion: kubecontroller.config.k8s.io/v1alpha1",
                            "kind: KubeControllerManagerConfiguration", "generic:", "  leaderElection:",
                            "    leaseDuration: 15s")) {
                        out.more("\t" + line);
                    }
                    out.more(" >");
                }
            }
        };
    }

    /** A container runtime's CRI log of a Node.js service: {@code RFC3339Nano stream P|F content}. */
    static Source cri() {
        int maxEntry = 16_384;
        return new Source("cri", "2026-05-04T10:11:12Z") {
            {
                meanGapMillis = 400;
                kind("route", r -> Values.pick(r, "/api/items/" + r.nextInt(9000), "/api/items", "/health",
                        "/api/cart/" + Values.uuid(r)));
                kind("job", r -> Integer.toString(10_000 + r.nextInt(900_000)));
                kind("nodeerr", "Request failed with status code 502", "timeout of 5000ms exceeded",
                        "socket hang up", "Invalid JSON in job payload");
                kind("provider", "fcm", "apns", "sendgrid");
                kind("sid", r -> Values.alnum(r, 24));
                kind("mongo", "mongo-0.mongo", "mongo-1.mongo", "mongo.shop.svc.cluster.local");
                kind("ecode", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT");
                kind("nodedur", r -> String.format(Locale.ROOT, "%.3f", r.nextDouble() * r.nextDouble() * 900));
                st("stdout", "stdout", "Server listening on port ${=3000}").startup();
                st("stdout", "stdout", "Connected to MongoDB at mongodb://${mongo}:27017/shop").startup();
                st("stderr", "stderr", "(node:${=1}) [DEP0005] DeprecationWarning: Buffer() is deprecated due to"
                        + " security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or"
                        + " Buffer.from() methods instead.").startup();
                st("stderr", "stderr", "(Use `node --trace-deprecation ...` to show where the warning was created)")
                        .startup();
                st("stdout", "stdout", "GET /api/items/${int} 200 ${nodedur} ms - ${int}");
                st("stdout", "stdout", "GET /api/items 200 ${nodedur} ms - ${int}");
                st("stdout", "stdout", "GET /api/cart/${uuid} 200 ${nodedur} ms - ${int}");
                st("stdout", "stdout", "POST /api/items 201 ${nodedur} ms - ${int}");
                st("stdout", "stdout", "GET /health 200 ${nodedur} ms - ${=15}");
                st("stdout", "stdout", "GET /api/items/${int} 404 ${nodedur} ms - ${=9}").weight(0.3);
                st("stdout", "stdout", "POST /api/cart/checkout 500 ${nodedur} ms - ${int}").weight(0.1);
                st("stdout", "stdout", "[worker] job ${job} completed in ${int}ms");
                st("stderr", "stderr", "[worker] job ${job} failed: ${nodeerr}").weight(0.3);
                st("stdout", "stdout", "Cache warmup finished: ${int} keys in ${int}ms").rare(2);
                st("stdout", "stdout", "Rate limited ${ip} on ${route}").weight(0.3);
                st("stdout", "stdout", "Session ${sid} expired for user ${user}");
                st("stdout", "stdout", "Sending ${int} notifications via ${provider}");
                st("stderr", "stderr", "Error: connect ${ecode} ${ipport}").weight(0.05).dump("node");
                st("stderr", "stderr", "MongoServerSelectionError: connection timed out").rare(2).dump("mongo");
                st("stdout", "stdout", "webhook payload: ${payload}").rare(2);
                st("stdout", "stdout", "Received SIGTERM, shutting down gracefully").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                String stream = event.statement.origin;
                Instant time = event.time;
                String content = event.message;
                boolean first = true;
                while (content.length() > maxEntry) {
                    record(out, time, stream, "P", content.substring(0, maxEntry));
                    content = content.substring(maxEntry);
                    time = time.plusNanos(1_000 + r.nextInt(30_000));
                    first = false;
                }
                record(out, time, stream, "F", content);
                if (!first) {
                    return;
                }
                List<String> more = new ArrayList<>();
                if ("node".equals(event.statement.dump)) {
                    more.add("    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)");
                    more.add("    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17)");
                    more.add("    at async Pool.connect (/app/node_modules/pg-pool/index.js:45:11)");
                    more.add("    at async ItemRepository.find (/app/src/items/repository.js:" + (20 + r.nextInt(3))
                            + ":18)");
                } else if ("mongo".equals(event.statement.dump)) {
                    more.add("    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:285:38)");
                    more.add("    at listOnTimeout (node:internal/timers:581:17)");
                    more.add("    at process.processTimers (node:internal/timers:519:7) {");
                    more.add("  reason: TopologyDescription {");
                    more.add("    type: 'ReplicaSetNoPrimary',");
                    more.add("    servers: Map(" + (2 + r.nextInt(2)) + ") {");
                    more.add("    },");
                    more.add("    setName: 'rs0',");
                    more.add("  },");
                    more.add("  code: undefined,");
                    more.add("  [Symbol(errorLabels)]: Set(0) {}");
                    more.add("}");
                }
                for (String line : more) {
                    time = time.plusNanos(1_000 + r.nextInt(30_000));
                    record(out, time, stream, "F", line);
                }
            }

            private void record(Emitter out, Instant time, String stream, String tag, String content) {
                out.line(nano(time) + " " + stream + " " + tag + " " + content, content, millis(time));
            }

            /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's time.RFC3339Nano prints it. */
            private String nano(Instant time) {
                String text = utc(time).withNano(0).toString();
                if (text.length() == 16) {
                    text += ":00";
                }
                String fraction = String.format(Locale.ROOT, "%09d", time.getNano()).replaceAll("0+$", "");
                return text + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
            }
        };
    }

    /** Prometheus's logfmt log: {@code ts=… caller=file:line level=… [component=…] msg="…" key=value…}. */
    static Source logfmt() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
        return new Source("logfmt", "2026-08-01T10:00:00Z") {
            {
                meanGapMillis = 900;
                kind("promdur", r -> switch (r.nextInt(3)) {
                    case 0 -> r.nextInt(999) + "." + r.nextInt(999) + "µs";
                    case 1 -> r.nextInt(999) + "." + r.nextInt(999) + "ms";
                    default -> r.nextInt(9) + "." + r.nextInt(999_999) + "s";
                });
                kind("pool", "node", "kubernetes-pods", "blackbox", "postgres-exporter");
                kind("target", r -> "http://" + Values.ip(r) + ":" + Values.pick(r, "9100", "8080", "9187")
                        + "/metrics");
                kind("group", "node.rules", "kubernetes-apps", "slo:availability");
                kind("alertmanager", "http://alertmanager-0.alertmanager:9093/api/v2/alerts",
                        "http://alertmanager-1.alertmanager:9093/api/v2/alerts");
                kind("mint", r -> Long.toString(1_785_000_000_000L + r.nextInt(2_000_000_000)));
                kind("segment", r -> Integer.toString(100 + r.nextInt(900)));
                st("info", "main.go:645", "msg=\"Starting Prometheus Server\" mode=server"
                        + " version=\"(version=${=2.55.1}, branch=HEAD, revision=${sha})\"").startup();
                st("info", "main.go:1124 web", "msg=\"Start listening for connections\""
                        + " address=${=0.0.0.0:9090}").startup();
                st("info", "main.go:1332 tsdb", "msg=\"Replaying WAL, this may take a while\"").startup();
                st("info", "head.go:801 tsdb", "msg=\"WAL segment loaded\" segment=${segment}"
                        + " maxSegment=${segment}").rare(3);
                st("info", "main.go:1372", "msg=\"Loading configuration file\" filename=/etc/prometheus/prometheus.yml")
                        .rare(2);
                st("info", "main.go:1409", "msg=\"Completed loading of configuration file\""
                        + " filename=/etc/prometheus/prometheus.yml totalDuration=${promdur} db_storage=${promdur}"
                        + " remote_storage=${promdur} web_handler=${promdur} query_engine=${promdur}"
                        + " scrape=${promdur} rules=${promdur}").rare(2);
                st("info", "main.go:1146", "msg=\"Server is ready to receive web requests.\"").rare(1);
                st("info", "head.go:1298 tsdb", "msg=\"Head GC completed\" caller=truncateMemory duration=${promdur}");
                st("info", "compact.go:576 tsdb", "msg=\"write block\" mint=${mint} maxt=${mint} ulid=${ulid}"
                        + " duration=${promdur} ooo=false");
                st("info", "db.go:1700 tsdb", "msg=\"Deleting obsolete block\" block=${ulid}");
                st("info", "checkpoint.go:101 tsdb", "msg=\"Creating checkpoint\" from_segment=${segment}"
                        + " to_segment=${segment} mint=${mint}");
                st("info", "head.go:1375 tsdb", "msg=\"WAL checkpoint complete\" first=${segment} last=${segment}"
                        + " duration=${promdur}");
                st("warn", "scrape.go:1400 \"scrape manager\"", "scrape_pool=${pool} target=${target} msg=\"Scrape"
                        + " failed\" err=\"Get \\\"${target}\\\": context deadline exceeded\"");
                st("warn", "scrape.go:1754 \"scrape manager\"", "scrape_pool=${pool} target=${target} msg=\"Error on"
                        + " ingesting samples that are too old or are too far into the future\" num_dropped=${int}")
                        .weight(0.2);
                st("warn", "manager.go:622 \"rule manager\"", "file=/etc/prometheus/rules/${group}.yml group=${group}"
                        + " name=${HighErrorRate|DiskWillFillIn4Hours} index=${small} msg=\"Evaluating rule failed\""
                        + " rule=\"alert: ${HighErrorRate|DiskWillFillIn4Hours}\" err=\"query timed out in expression"
                        + " evaluation\"").weight(0.1);
                st("error", "notifier.go:530 notifier", "alertmanager=${alertmanager} count=${small} msg=\"Error"
                        + " sending alert\" err=\"Post \\\"${alertmanager}\\\": dial tcp ${ipport}: connect:"
                        + " connection refused\"").weight(0.1);
                st("info", "kubernetes.go:331 discovery", "discovery=kubernetes config=${pool} msg=\"Using pod"
                        + " service account via in-cluster config\"").rare(3);
                st("error", "klog.go:108 k8s_client_runtime", "func=ErrorDepth"
                        + " msg=\"pkg/mod/k8s.io/client-go@v0.31.1/tools/cache/reflector.go:243: Failed to watch"
                        + " *v1.Pod: unknown (get pods)\"").weight(0.05);
                st("debug", "scrape.go:1328 \"scrape manager\"", "scrape_pool=${pool} target=${target} msg=\"Scrape"
                        + " succeeded\" duration=${promdur} samples=${int}");
                st("warn", "main.go:909", "msg=\"Received SIGTERM, exiting gracefully...\"").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                String origin = event.statement.origin;
                int space = origin.indexOf(' ');
                String caller = space < 0 ? origin : origin.substring(0, space);
                String component = space < 0 ? "" : " component=" + origin.substring(space + 1);
                String prefix = "ts=" + time.format(utc(event.time)) + " caller=" + caller + " level="
                        + event.statement.level + component + " ";
                out.line(prefix + event.message, event.message, millis(event.time));
            }
        };
    }
}
