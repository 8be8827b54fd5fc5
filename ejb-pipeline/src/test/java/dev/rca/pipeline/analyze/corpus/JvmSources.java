package dev.rca.pipeline.analyze.corpus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The corpus's layouts of JVM programs: log4j and logback applications, a Spring Boot service, WildFly's
 * server.log, logstash JSON lines, Spark executors and HDFS daemons (after loghub's data sets).
 */
final class JvmSources {

    static final List<String> SPRING_TOMCAT = List.of(
            "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java)",
            "java.base/java.lang.reflect.Method.invoke(Method.java)",
            "org.springframework.aop.support.AopUtils.invokeJoinpointUsingReflection(AopUtils.java)",
            "org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java)",
            "org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java)",
            "org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor.intercept(CglibAopProxy.java)",
            "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java)",
            "org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod"
                    + ".invokeAndHandle(ServletInvocableHandlerMethod.java)",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java)",
            "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java)",
            "jakarta.servlet.http.HttpServlet.service(HttpServlet.java)",
            "org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java)",
            "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java)",
            "org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java)",
            "org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java)",
            "org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java)",
            "org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java)",
            "org.apache.coyote.http11.Http11Processor.service(Http11Processor.java)",
            "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java)",
            "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java)",
            "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java)",
            "java.base/java.lang.Thread.run(Thread.java)");

    static final List<String> WILDFLY = List.of(
            "org.jboss.as.ejb3.tx.CMTTxInterceptor.invokeInOurTx(CMTTxInterceptor.java)",
            "org.jboss.as.ejb3.tx.CMTTxInterceptor.required(CMTTxInterceptor.java)",
            "org.jboss.invocation.InterceptorContext.proceed(InterceptorContext.java)",
            "org.jboss.as.ejb3.component.interceptors.CurrentInvocationContextInterceptor"
                    + ".processInvocation(CurrentInvocationContextInterceptor.java)",
            "org.jboss.as.ee.component.ViewService$View.invoke(ViewService.java)",
            "org.jboss.as.ee.component.ProxyInvocationHandler.invoke(ProxyInvocationHandler.java)",
            "org.jboss.resteasy.core.MethodInjectorImpl.invoke(MethodInjectorImpl.java)",
            "org.jboss.resteasy.core.ResourceMethodInvoker.invokeOnTarget(ResourceMethodInvoker.java)",
            "org.jboss.resteasy.core.SynchronousDispatcher.invoke(SynchronousDispatcher.java)",
            "io.undertow.servlet.handlers.ServletHandler.handleRequest(ServletHandler.java)",
            "io.undertow.servlet.handlers.ServletInitialHandler.handleFirstRequest(ServletInitialHandler.java)",
            "io.undertow.server.Connectors.executeRootHandler(Connectors.java)",
            "io.undertow.server.HttpServerExchange$1.run(HttpServerExchange.java)",
            "org.jboss.threads.ContextHandler$1.runWith(ContextHandler.java)",
            "org.jboss.threads.EnhancedQueueExecutor$Task.doRunWith(EnhancedQueueExecutor.java)",
            "org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run(EnhancedQueueExecutor.java)",
            "org.jboss.threads.JBossThread.run(JBossThread.java)",
            "java.base/java.lang.Thread.run(Thread.java)");

    private JvmSources() {
    }

    static List<Source> all() {
        return List.of(log4j(), logback(), springBoot(), wildfly(), json(), spark(), hdfs());
    }

    /** Emits a first line and, when the event carries one, its Java stack trace as continuation lines. */
    static void withTrace(Source source, Source.Event event, Source.Emitter out, String prefix, long timestamp) {
        out.line(prefix + event.message, event.message, timestamp);
        if (event.thrown != null) {
            for (String line : source.javaTrace(event)) {
                out.more(line);
            }
        }
    }

    static String partitions(Random r) {
        int count = 1 + r.nextInt(5);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(Values.pick(r, "orders", "payments", "stock-events") + "-" + r.nextInt(12));
        }
        return String.join(", ", names);
    }

    static String instant(Random r) {
        return Instant.parse("2026-12-01T00:00:00Z").plusSeconds(r.nextInt(5_000_000)).toString();
    }

    /** A log4j application (an online shop on Tomcat): {@code %d %-5p [%t] %c - %m}. */
    static Source log4j() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);
        return new Source("log4j", "2026-11-30T22:10:00Z") {
            {
                meanGapMillis = 450;
                kind("carrier", "DHL", "UPS", "FedEx", "La Poste", "PostNL", "Royal Mail", "Correos");
                kind("decline", "insufficient funds", "card expired", "do not honor", "suspected fraud",
                        "invalid CVC");
                kind("cache", "products", "prices", "categories", "customer-profiles", "shipping-rates");
                kind("client", r -> "consumer-" + Values.pick(r, "shop-orders", "shop-stock") + "-"
                        + (1 + r.nextInt(4)));
                kind("group", "shop-orders", "shop-stock", "shop-audit");
                kind("partition", r -> Values.pick(r, "orders", "payments", "stock-events") + "-" + r.nextInt(12));
                kind("partitions", JvmSources::partitions);
                kind("broker", r -> "kafka-" + r.nextInt(3) + ".prod.internal:9092");
                kind("instant", JvmSources::instant);
                kind("state", "NEW", "PAID", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
                kind("mail", "order-confirmation", "shipping-notice", "password-reset", "invoice");
                kind("field", "quantity", "email", "postalCode", "sku", "couponCode");
                kind("constraint", "orders_pkey", "order_lines_order_id_line_no_key", "uq_orders_external_ref");
                kind("thread", r -> Values.pick(r, "http-nio-8080-exec-" + (1 + r.nextInt(40)), "main",
                        "scheduling-1", "kafka-consumer-" + r.nextInt(4)));
                appFrames = List.of(
                        "com.acme.shop.inventory.StockService.reserve(StockService.java)",
                        "com.acme.shop.inventory.StockService.take(StockService.java)",
                        "com.acme.shop.orders.OrderService.place(OrderService.java)",
                        "com.acme.shop.orders.OrderService$$SpringCGLIB$$0.place(<generated>)",
                        "com.acme.shop.orders.OrderController.create(OrderController.java)",
                        "com.acme.shop.payment.PaymentClient.post(PaymentClient.java)",
                        "com.acme.shop.payment.PaymentClient.authorize(PaymentClient.java)",
                        "com.acme.shop.mail.MailSender.send(MailSender.java)",
                        "com.acme.shop.web.RequestLoggingFilter.doFilterInternal(RequestLoggingFilter.java)");
                libraryFrames = SPRING_TOMCAT;
                String orders = "com.acme.shop.orders.OrderService";
                String payments = "com.acme.shop.payment.PaymentClient";
                st("INFO", orders, "Order ${int} placed by customer ${int} with ${small} items, total ${money} EUR");
                st("INFO", orders, "Order ${int} shipped to ${city} via ${carrier}");
                st("INFO", orders, "Order ${int} changed state from ${state} to ${state}").weight(0.8);
                st("ERROR", orders, "Unexpected state transition for order ${int}: ${state} -> ${state}").rare(3);
                st("DEBUG", "com.acme.shop.web.RequestLoggingFilter",
                        "GET /api/orders/${int} took ${ms} ms, status ${200|200|200|404|500}");
                st("INFO", payments, "Payment ${uuid} authorized for order ${int} (${money} EUR)");
                st("WARN", payments, "Payment provider responded slowly: ${ms} ms for order ${int}").weight(0.4);
                st("ERROR", payments, "Payment ${uuid} declined for order ${int}: ${decline}").weight(0.3);
                st("ERROR", payments, "Payment request ${uuid} failed after ${small} retries").weight(0.1)
                        .throwing("java.net.SocketTimeoutException: Read timed out")
                        .throwing("org.springframework.web.client.ResourceAccessException: I/O error on POST request"
                                        + " for \"${url}\": Connection refused",
                                "java.net.ConnectException: Connection refused");
                st("INFO", "com.acme.shop.inventory.StockService",
                        "Reserved ${small} units of SKU ${sku} for order ${int}");
                st("WARN", "com.acme.shop.inventory.StockService", "Low stock for SKU ${sku}: ${small} units left");
                st("INFO", "com.zaxxer.hikari.HikariDataSource", "${=HikariPool-1} - Starting...").startup()
                        .thread("main");
                st("INFO", "com.zaxxer.hikari.HikariDataSource", "${=HikariPool-1} - Start completed.").startup()
                        .thread("main");
                st("INFO", "com.acme.shop.ShopApplication",
                        "Started ShopApplication in ${secs} seconds (process running for ${secs})").startup()
                        .thread("main");
                st("WARN", "com.zaxxer.hikari.pool.HikariPool", "${=HikariPool-1} - Thread starvation or clock leap"
                        + " detected (housekeeper delta=${int}s${int}ms).").rare(2).thread("HikariPool-1 housekeeper");
                st("DEBUG", "com.acme.shop.cache.CatalogCache", "Cache ${cache} hit ratio ${pct} after ${int} lookups");
                st("INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                        "[Consumer clientId=${client}, groupId=${group}] Setting offset for partition ${partition} to"
                                + " the committed offset FetchPosition{offset=${int}, offsetEpoch=Optional.empty,"
                                + " currentLeader=LeaderAndEpoch{leader=Optional[${broker} (id: ${small} rack: null)],"
                                + " epoch=${small}}}").weight(0.3);
                st("INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                        "[Consumer clientId=${client}, groupId=${group}] Revoke previously assigned partitions"
                                + " ${partitions}").weight(0.2);
                st("ERROR", "com.acme.shop.orders.OrderController", "Failed to place order for customer ${int}")
                        .weight(0.15)
                        .throwing("java.lang.IllegalStateException: Stock for SKU ${sku} is negative: ${int}")
                        .throwing("org.springframework.dao.DataIntegrityViolationException: could not execute"
                                        + " statement; SQL [n/a]; constraint [${constraint}]",
                                "org.hibernate.exception.ConstraintViolationException: could not execute statement",
                                "org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique"
                                        + " constraint \"${constraint}\"\n  Detail: Key (id)=(${int}) already exists.");
                st("WARN", "com.acme.shop.web.GlobalExceptionHandler",
                        "Bad request from ${ip}: field '${field}' ${must not be blank|must be greater than 0"
                                + "|must be a well-formed email address}");
                st("INFO", "com.acme.shop.report.ReportJob", "Nightly report ${date} generated: ${int} rows, ${size}")
                        .rare(2).thread("scheduling-1");
                st("DEBUG", "com.acme.shop.security.JwtFilter", "Token for user ${user} expires at ${instant}");
                st("WARN", "com.acme.shop.security.JwtFilter", "Rejected expired token for user ${user}").weight(0.5);
                st("INFO", "com.acme.shop.security.LoginService", "User ${user} logged in from ${ip}");
                st("INFO", "com.acme.shop.security.LoginService", "User ${user} logged out");
                st("DEBUG", "com.acme.shop.orders.OrderRepository",
                        "Loaded ${small} order lines for order ${int} in ${ms} ms");
                st("DEBUG", "com.acme.shop.web.RequestLoggingFilter", "Request body: ${jsonpayload}").rare(2);
                st("INFO", "com.acme.shop.mail.MailSender", "Sent ${mail} mail to ${email}");
                st("ERROR", "com.acme.shop.mail.MailSender", "Could not send mail to ${email}").weight(0.1)
                        .throwing("jakarta.mail.MessagingException: Could not connect to SMTP host: ${host}, port: 25",
                                "java.net.ConnectException: Connection timed out");
                st("FATAL", "com.acme.shop.report.ReportJob", "Out of memory while building report ${date}").rare(1)
                        .thread("scheduling-1").throwing("java.lang.OutOfMemoryError: Java heap space");
            }

            @Override
            void render(Event event, Emitter out) {
                String thread = event.thread != null ? event.thread : value("thread", event.random);
                String prefix = String.format(Locale.ROOT, "%s %-5s [%s] %s - ", time.format(utc(event.time)),
                        event.statement.level, thread, event.statement.origin);
                withTrace(this, event, out, prefix, millis(event.time));
            }
        };
    }

    /** A logback application with logback's default pattern (a CSV importer): {@code %d{HH:mm:ss.SSS} [%thread]}. */
    static Source logback() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
        return new Source("logback", "2026-12-03T07:35:00Z") {
            {
                meanGapMillis = 250;
                kind("index", "customers-v3", "customers", "addresses", "orders-2026.12");
                kind("column", "birth_date", "created_at", "email", "country", "iban", "customer_no");
                kind("baddate", "31.02.2026", "2026-13-01", "n/a", "yesterday", "00/00/0000", "");
                kind("customer", r -> "C" + (100_000 + r.nextInt(900_000)));
                kind("badnum", "12,5", "N/A", "1e3x", "—", "0x1F", "");
                kind("reason", "mapper_parsing_exception: failed to parse field [birth_date]",
                        "version_conflict_engine_exception: version conflict, document already exists",
                        "es_rejected_execution_exception: rejected execution of coordinating operation");
                kind("cell", "DE", "FR", "jane.doe@example.com", "", "N/A", "true", "Müller", "Ørsted", "O'Brien");
                kind("worker", r -> "import-worker-" + (1 + r.nextInt(8)));
                appFrames = List.of(
                        "com.acme.importer.csv.CsvReader.next(CsvReader.java)",
                        "com.acme.importer.csv.CsvImporter.importFile(CsvImporter.java)",
                        "com.acme.importer.RecordMapper.map(RecordMapper.java)",
                        "com.acme.importer.ImportJob.run(ImportJob.java)",
                        "com.acme.search.IndexWriter.flush(IndexWriter.java)");
                libraryFrames = List.of(
                        "java.base/sun.nio.cs.UTF_8$Decoder.decodeArrayLoop(UTF_8.java)",
                        "java.base/java.nio.charset.CharsetDecoder.decode(CharsetDecoder.java)",
                        "java.base/java.io.BufferedReader.readLine(BufferedReader.java)",
                        "java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java)",
                        "java.base/java.util.concurrent.FutureTask.run(FutureTask.java)",
                        "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java)",
                        "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java)",
                        "java.base/java.lang.Thread.run(Thread.java)");
                String importer = "c.a.importer.csv.CsvImporter";
                String index = "c.a.search.IndexWriter";
                st("INFO", "c.a.importer.Main", "Importer ${version} starting with ${small} worker threads").startup()
                        .thread("main");
                st("INFO", "c.a.importer.FileWatcher", "New file detected: ${path}").thread("file-watcher");
                st("INFO", importer, "Importing ${path} (${size})");
                st("INFO", importer, "Imported ${int} records from ${file} in ${ms} ms");
                st("WARN", importer, "Skipping line ${int} of ${file}: expected ${small} columns but found ${small}");
                st("WARN", importer, "Invalid date '${baddate}' in column ${column} at line ${int}");
                st("ERROR", importer, "Import of ${file} failed").weight(0.1)
                        .throwing("java.io.UncheckedIOException: java.nio.charset.MalformedInputException: Input length"
                                + " = ${small}", "java.nio.charset.MalformedInputException: Input length = ${small}")
                        .throwing("java.lang.NumberFormatException: For input string: \"${badnum}\"");
                st("DEBUG", "c.a.importer.RecordMapper", "Mapped record ${int} to customer ${customer}");
                st("TRACE", "c.a.importer.RecordMapper", "Column ${column} = ${cell}");
                String dispatcher = "I/O dispatcher ${n}";
                st("INFO", index, "Bulk request of ${int} documents to index ${index} completed in ${ms} ms")
                        .thread(dispatcher);
                st("WARN", index, "Bulk request to index ${index} had ${small} failures, first: ${reason}").weight(0.3)
                        .thread(dispatcher);
                st("ERROR", index, "Bulk request to index ${index} failed").weight(0.1).thread(dispatcher)
                        .throwing("org.elasticsearch.client.ResponseException: method [POST],"
                                + " host [http://${host}:9200], URI [/_bulk], status line [HTTP/1.1 429 Too Many"
                                + " Requests]")
                        .throwing("java.net.ConnectException: Connection refused");
                st("INFO", index, "Index ${index} refreshed");
                st("DEBUG", "c.a.importer.Deduplicator", "Duplicate key ${customer} in ${file}, keeping newest");
                st("INFO", "c.a.importer.Archiver", "Moved ${path} to ${path}");
                st("INFO", "c.a.importer.Main", "Shutdown requested, waiting for ${small} running imports").rare(1)
                        .thread("main");
                st("WARN", "c.a.importer.FileWatcher", "Watch key for ${path} is no longer valid, re-registering")
                        .rare(3).thread("file-watcher");
                st("DEBUG", "c.a.importer.Throttle", "Throttling for ${ms} ms, queue depth ${int}");
                st("INFO", "c.a.importer.Stats", "Processed ${int} files, ${int} records, ${int} errors in the last"
                        + " ${small} minutes").weight(0.3);
                st("ERROR", "c.a.importer.Main", "Uncaught exception in thread ${worker}").rare(2)
                        .throwing("java.lang.NullPointerException: Cannot invoke \"String.trim()\" because"
                                + " \"${<local4>|value|cell}\" is null");
            }

            @Override
            void render(Event event, Emitter out) {
                String thread = event.thread != null ? event.thread : value("worker", event.random);
                String prefix = String.format(Locale.ROOT, "%s [%s] %-5s %s - ", time.format(utc(event.time)), thread,
                        event.statement.level, event.statement.origin);
                withTrace(this, event, out, prefix, timeOfDay(clockMillis(event.time)));
            }
        };
    }

    /** A Spring Boot 3 service (billing) with Boot's console pattern. */
    static Source springBoot() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
        ZoneOffset zone = ZoneOffset.ofHours(2);
        return new Source("spring-boot", "2026-10-14T06:02:11Z") {
            {
                meanGapMillis = 600;
                kind("invoice", r -> "INV-2026-" + (10_000 + r.nextInt(90_000)));
                kind("currency", "EUR", "USD", "GBP", "CHF");
                kind("plan", "free", "starter", "pro", "team", "enterprise");
                kind("event", r -> "evt_" + Values.alnum(r, 24));
                kind("type", "invoice.paid", "invoice.payment_failed", "charge.refunded", "customer.updated",
                        "charge.succeeded");
                kind("sqlstate", "40001", "23505", "57014", "08006");
                kind("font", "DejaVuSans-Bold", "NotoSansCJK-Regular", "Inter-Medium");
                kind("reason", "OK", "NOT_FOUND", "CONFLICT", "BAD_REQUEST", "SERVICE_UNAVAILABLE");
                kind("status", "200", "404", "409", "400", "503");
                kind("thread", r -> {
                    int exec = 1 + r.nextInt(40);
                    String name = "http-nio-8080-exec-" + exec;
                    return name.substring(name.length() - 15);
                });
                appFrames = List.of(
                        "com.acme.billing.account.AccountRepository.require(AccountRepository.java)",
                        "com.acme.billing.invoice.InvoiceService.create(InvoiceService.java)",
                        "com.acme.billing.invoice.PdfRenderer.render(PdfRenderer.java)",
                        "com.acme.billing.invoice.InvoiceController.create(InvoiceController.java)");
                libraryFrames = SPRING_TOMCAT;
                String invoices = "c.a.billing.invoice.InvoiceService";
                st("INFO", "c.a.billing.BillingApplication", "Starting BillingApplication v${version} using Java"
                        + " ${=21.0.5} with PID ${pid} (/app/billing.jar started by spring in /app)").startup()
                        .thread("main");
                st("INFO", "o.s.b.w.embedded.tomcat.TomcatWebServer", "Tomcat initialized with port ${=8080} (http)")
                        .startup().thread("main");
                st("INFO", "o.apache.catalina.core.StandardService", "Starting service [Tomcat]").startup()
                        .thread("main");
                st("INFO", "o.apache.catalina.core.StandardEngine",
                        "Starting Servlet engine: [Apache Tomcat/${=10.1.31}]").startup().thread("main");
                st("INFO", "c.a.billing.BillingApplication",
                        "Started BillingApplication in ${secs} seconds (process running for ${secs})").startup()
                        .thread("main");
                st("INFO", "o.s.web.servlet.DispatcherServlet", "Completed initialization in ${ms} ms").rare(2);
                st("INFO", invoices, "Created invoice ${invoice} for account ${int} amount ${money} ${currency}");
                st("INFO", invoices, "Invoice ${invoice} sent to ${email}");
                st("WARN", invoices, "Invoice ${invoice} overdue by ${n} days").weight(0.5);
                st("DEBUG", "c.a.billing.invoice.InvoiceController", "GET /api/invoices/${int} -> ${status}");
                st("ERROR", "o.a.c.c.C.[.[.[/].[dispatcherServlet]", "Servlet.service() for servlet"
                        + " [dispatcherServlet] in context with path [] threw exception [Request processing failed:"
                        + " java.lang.IllegalArgumentException: Account ${int} not found] with root cause")
                        .weight(0.15).throwing("java.lang.IllegalArgumentException: Account ${int} not found");
                st("WARN", "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: ${=0}, SQLState: ${sqlstate}")
                        .weight(0.3);
                st("ERROR", "o.h.engine.jdbc.spi.SqlExceptionHelper",
                        "ERROR: could not serialize access due to concurrent update").weight(0.3);
                st("INFO", "c.a.billing.payments.StripeWebhook", "Received event ${event} of type ${type}");
                st("WARN", "c.a.billing.payments.StripeWebhook", "Signature verification failed for event from ${ip}")
                        .rare(3);
                st("INFO", "c.a.billing.scheduler.DunningJob", "Dunning run finished: ${int} reminders, ${int}"
                        + " suspensions").rare(3).thread("scheduling-1");
                st("DEBUG", "o.s.web.client.RestTemplate", "HTTP POST ${url}");
                st("DEBUG", "o.s.web.client.RestTemplate", "Response ${status} ${reason}");
                st("INFO", "o.s.a.r.c.CachingConnectionFactory", "Attempting to connect to: [${host}:5672]").rare(2)
                        .thread("main");
                st("INFO", "o.s.a.r.c.CachingConnectionFactory", "Created new connection: rabbitConnectionFactory#"
                        + "${hex8}:${small}/SimpleConnection@${hex8} [delegate=amqp://${user}@${ip}:5672/,"
                        + " localPort=${port}]").rare(2).thread("main");
                st("WARN", "com.zaxxer.hikari.pool.PoolBase", "${=HikariPool-1} - Failed to validate connection"
                        + " org.postgresql.jdbc.PgConnection@${hex8} (This connection has been closed.). Possibly"
                        + " consider using a shorter maxLifetime value.").weight(0.2);
                st("INFO", "c.a.billing.account.AccountService", "Account ${int} upgraded from ${plan} to ${plan}");
                st("ERROR", "c.a.billing.invoice.PdfRenderer", "Rendering invoice ${invoice} failed").weight(0.1)
                        .throwing("java.io.IOException: Font ${font} not found")
                        .throwing("java.lang.IllegalStateException: Template invoice-${de|en|fr}.html has no"
                                + " element #total");
            }

            @Override
            void render(Event event, Emitter out) {
                String thread = event.thread != null ? event.thread : value("thread", event.random);
                String logger = event.statement.origin;
                String prefix = String.format(Locale.ROOT, "%s %5s %s --- [%15s] %-40s : ",
                        time.format(event.time.atOffset(zone)), event.statement.level, "48213", thread, logger);
                withTrace(this, event, out, prefix, millis(event.time));
            }
        };
    }

    /** WildFly's server.log: {@code %d %-5p [%c] (%t) %s%e}. */
    static Source wildfly() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);
        return new Source("wildfly", "2026-12-02T12:55:31Z") {
            {
                meanGapMillis = 900;
                kind("war", "shop.war", "billing-2.3.1.war", "admin.war", "rca-pipeline.ear");
                kind("ctx", "shop", "billing", "admin", "api");
                kind("ds", "ShopDS", "BillingDS", "ExampleDS");
                kind("bean", "OrderBean", "InventoryBean", "ReportScheduler", "PaymentGateway");
                kind("sqlstate", "23505", "40001", "57014");
                kind("constraint", "orders_pkey", "uk_customer_email", "order_lines_pkey");
                kind("tx", r -> "0:ffff" + Values.hex(r, 8) + ":" + Values.hex(r, 8) + ":" + Values.hex(r, 8) + ":"
                        + Integer.toHexString(r.nextInt(4096)));
                kind("route", "orders", "orders/export", "customers/search", "reports/daily");
                kind("select", "select o1_0.id,o1_0.customer_id,o1_0.total from orders o1_0 where o1_0.id=?",
                        "insert into order_lines (order_id,sku,qty,id) values (?,?,?,?)",
                        "select c1_0.id,c1_0.email from customers c1_0 where c1_0.email=?");
                kind("component", "com.acme.shop.legacy.SoapEndpoint", "com.acme.shop.admin.MetricsServlet");
                appFrames = List.of(
                        "com.acme.shop.inventory.InventoryClient.fetch(InventoryClient.java)",
                        "com.acme.shop.inventory.InventorySync.run(InventorySync.java)",
                        "com.acme.shop.orders.OrderBean.confirm(OrderBean.java)",
                        "com.acme.shop.orders.OrderResource.confirm(OrderResource.java)");
                libraryFrames = WILDFLY;
                String msc = "MSC service thread 1-${n}";
                String task = "default task-${n}";
                st("INFO", "org.jboss.as", "WFLYSRV0049: WildFly Full ${=34.0.1.Final} (WildFly Core ${=26.0.1.Final})"
                        + " starting").startup().thread(msc);
                st("INFO", "org.wildfly.security", "ELY00001: WildFly Elytron version ${=2.6.0.Final}").startup()
                        .thread(msc);
                st("INFO", "org.jboss.as.connector.subsystems.datasources", "WFLYJCA0001: Bound data source"
                        + " [java:jboss/datasources/${ds}]").rare(3).thread(msc);
                st("INFO", "org.jboss.as.server.deployment", "WFLYSRV0027: Starting deployment of \"${war}\""
                        + " (runtime-name: \"${war}\")").rare(3).thread(msc);
                st("INFO", "org.jboss.as.ejb3.deployment", "WFLYEJB0473: JNDI bindings for session bean named"
                        + " '${bean}' in deployment unit 'deployment \"${war}\"' are as follows:").rare(3).thread(msc)
                        .dump("jndi");
                st("INFO", "org.jboss.as.jpa", "WFLYJPA0010: Starting Persistence Unit (phase ${=2} of ${=2}) Service"
                        + " '${war}#${ctx}PU'").rare(2).thread("ServerService Thread Pool -- ${num}");
                st("INFO", "org.wildfly.extension.undertow", "WFLYUT0021: Registered web context: '/${ctx}' for"
                        + " server 'default-server'").rare(3).thread("ServerService Thread Pool -- ${num}");
                st("INFO", "org.jboss.as.server", "WFLYSRV0010: Deployed \"${war}\" (runtime-name : \"${war}\")")
                        .rare(3).thread("ServerService Thread Pool -- ${num}");
                st("INFO", "org.jboss.as", "WFLYSRV0060: Http management interface listening on"
                        + " http://${=127.0.0.1:9990}/management").startup().thread("Controller Boot Thread");
                st("INFO", "org.jboss.as", "WFLYSRV0025: WildFly Full ${=34.0.1.Final} (WildFly Core ${=26.0.1.Final})"
                        + " started in ${ms}ms - Started ${int} of ${int} services (${int} services are lazy, passive"
                        + " or on-demand) - Server configuration file in use: standalone-full.xml").startup()
                        .thread("Controller Boot Thread");
                st("INFO", "stdout", "Hibernate: ${select}").thread(task);
                st("WARN", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: ${=0}, SQLState:"
                        + " ${sqlstate}").weight(0.3).thread(task);
                st("ERROR", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "ERROR: duplicate key value violates"
                        + " unique constraint \"${constraint}\"").weight(0.3).thread(task).dump("pgdetail");
                st("ERROR", "org.jboss.as.ejb3.invocation", "WFLYEJB0034: Jakarta Enterprise Beans Invocation failed"
                        + " on component ${bean} for method public void com.acme.shop.orders.OrderBean.confirm(long):"
                        + " jakarta.ejb.EJBTransactionRolledbackException: Order ${int} is already confirmed")
                        .weight(0.1).thread(task)
                        .throwing(null, "java.lang.IllegalStateException: Order ${int} is already confirmed");
                st("ERROR", "io.undertow.request", "UT005023: Exception handling request to /${ctx}/api/${route}:"
                        + " jakarta.servlet.ServletException: java.lang.NullPointerException").weight(0.1).thread(task)
                        .throwing(null, "java.lang.NullPointerException: Cannot invoke"
                                + " \"com.acme.shop.Customer.getId()\" because \"customer\" is null");
                st("ERROR", "org.jboss.msc.service.fail", "MSC000001: Failed to start service"
                        + " jboss.deployment.unit.\"${war}\".POST_MODULE:"
                        + " org.jboss.msc.service.StartException in service jboss.deployment.unit.\"${war}\""
                        + ".POST_MODULE: WFLYSRV0153: Failed to process phase POST_MODULE of deployment \"${war}\"")
                        .rare(1).thread(msc).throwing(null, "org.jboss.as.server.deployment."
                                + "DeploymentUnitProcessingException: WFLYEE0041: Component class ${component} for"
                                + " component ${bean} has errors: ", "java.lang.NoClassDefFoundError:"
                                + " javax/xml/ws/WebServiceContext");
                st("INFO", "org.jboss.as.server.deployment", "WFLYSRV0028: Stopped deployment ${war} (runtime-name:"
                        + " ${war}) in ${ms}ms").rare(2).thread(msc);
                st("WARN", "com.arjuna.ats.arjuna", "ARJUNA012117: TransactionReaper::check timeout for TX ${tx} in"
                        + " state  RUN").weight(0.1).thread("Transaction Reaper");
                st("WARN", "com.arjuna.ats.arjuna", "ARJUNA012121: TransactionReaper::doCancellations worker"
                        + " Thread[Transaction Reaper Worker ${=0},5,main] successfully canceled TX ${tx}").weight(0.1)
                        .thread("Transaction Reaper Worker 0");
                st("WARN", "org.jboss.as.ee", "WFLYEE0007: Not installing optional component ${component} due to an"
                        + " exception (enable DEBUG log level to see the cause)").rare(2).thread(msc);
                st("INFO", "com.acme.shop.orders.OrderBean", "Order ${int} confirmed for ${email}").thread(task);
                st("WARN", "com.acme.shop.orders.OrderBean", "Order ${int} awaiting payment for ${n} minutes")
                        .thread("EJB default - ${n}");
                st("INFO", "com.acme.shop.inventory.InventorySync", "Synchronized ${int} SKUs from ${host} in ${ms} ms")
                        .thread("EJB default - ${n}");
                st("ERROR", "com.acme.shop.inventory.InventorySync", "Inventory sync with ${host} failed").weight(0.1)
                        .thread("EJB default - ${n}")
                        .throwing("jakarta.ws.rs.ProcessingException: RESTEASY004655: Unable to invoke request:"
                                + " org.apache.http.conn.HttpHostConnectException: Connect to ${host}:8443 failed:"
                                + " Connection refused", "org.apache.http.conn.HttpHostConnectException: Connect to"
                                + " ${host}:8443 failed: Connection refused", "java.net.ConnectException: Connection"
                                + " refused");
                st("DEBUG", "io.undertow.request.io", "UT005013: An IOException occurred").weight(0.2)
                        .thread("default I/O-${n}").throwing("java.io.IOException: Broken pipe");
            }

            @Override
            void render(Event event, Emitter out) {
                String prefix = String.format(Locale.ROOT, "%s %-5s [%s] (%s) ", time.format(utc(event.time)),
                        event.statement.level, event.statement.origin,
                        event.thread == null ? "main" : event.thread);
                withTrace(this, event, out, prefix, millis(event.time));
                Random r = event.random;
                if ("jndi".equals(event.statement.dump)) {
                    String bean = event.message.substring(event.message.indexOf('\'') + 1,
                            event.message.indexOf('\'', event.message.indexOf('\'') + 1));
                    String app = Values.pick(r, "shop", "billing", "admin");
                    out.more("");
                    for (String scope : List.of("java:global/" + app + "/", "java:app/" + app + "/", "java:module/")) {
                        out.more("\t" + scope + bean + "!com.acme." + app + "." + bean);
                    }
                    for (String scope : List.of("java:global/" + app + "/", "java:app/" + app + "/", "java:module/")) {
                        out.more("\t" + scope + bean);
                    }
                    out.more("");
                } else if ("pgdetail".equals(event.statement.dump)) {
                    out.more("  Detail: Key (id)=(" + r.nextInt(100_000) + ") already exists.");
                }
            }
        };
    }

    /** A Java service logging JSON lines through logstash-logback-encoder, with stack traces in a field. */
    static Source json() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
        ZoneOffset zone = ZoneOffset.ofHours(1);
        return new Source("json-lines", "2026-11-20T08:00:00Z") {
            {
                meanGapMillis = 500;
                kind("category", "shoes", "garden", "kitchen", "toys", "home office", "outdoor & camping");
                kind("key", r -> "product:" + r.nextInt(100_000));
                kind("term", "red shoes", "usb-c hub", "lamp", "desk", "café crème", "gift card",
                        "kids bike 20 inch");
                kind("route", "/api/products", "/api/products/{id}", "/api/categories", "/api/search");
                kind("method", "GET", "GET", "GET", "POST", "PUT");
                kind("status", "200", "200", "201", "304", "404", "500");
                kind("query", "findByCategory", "findSimilar", "countByBrand", "priceHistory");
                kind("bucket", "catalog-images-prod", "catalog-images-eu");
                kind("topic", "catalog.price-changed", "catalog.product-updated");
                kind("breaker", "pricing", "inventory", "recommendations");
                kind("breakerState", "CLOSED", "OPEN", "HALF_OPEN");
                kind("service", "pricing-service", "inventory-service", "recommendation-engine");
                kind("supplier", "Bergmann GmbH", "ACME Wholesale", "Nordic Supply", "Toys&Co");
                kind("why", "price below cost", "unknown currency XBT", "missing EAN", "duplicate SKU");
                kind("check", "db", "diskSpace", "redis", "kafka");
                kind("health", "UP", "DOWN", "OUT_OF_SERVICE");
                kind("name", "Café Crème Tasse", "Müsli-Schale", "日本茶 セット", "Smörgåsbord Teller",
                        "Niño Bicicleta");
                kind("thread", r -> Values.pick(r, "http-nio-8080-exec-" + (1 + r.nextInt(20)),
                        "kafka-producer-network-thread | catalog-1", "scheduling-1", "main"));
                appFrames = List.of("com.acme.catalog.image.Thumbnailer.resize(Thumbnailer.java)",
                        "com.acme.catalog.image.ImageService.upload(ImageService.java)",
                        "com.acme.catalog.api.ProductController.get(ProductController.java)");
                libraryFrames = SPRING_TOMCAT;
                st("-", "stdout", "Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=${=75.0}"
                        + " -Djava.security.egd=file:/dev/./urandom").startup();
                st("INFO", "com.acme.catalog.CatalogApplication", "Starting CatalogApplication v${version} using Java"
                        + " ${=21.0.5} with PID ${=1}").startup().thread("main");
                st("INFO", "com.acme.catalog.CatalogApplication", "Started CatalogApplication in ${secs} seconds"
                        + " (process running for ${secs})").startup().thread("main");
                st("INFO", "com.acme.catalog.api.ProductService", "Fetched ${int} products for category ${category}"
                        + " in ${ms} ms");
                st("INFO", "com.acme.catalog.pricing.PriceListener", "Product ${sku} price changed from ${money} to"
                        + " ${money}");
                st("DEBUG", "com.acme.catalog.cache.ProductCache", "Cache miss for key ${key}");
                st("INFO", "com.acme.catalog.search.Reindexer", "Reindexing ${int} products").rare(3);
                st("INFO", "com.acme.catalog.search.SearchService", "Search query '${term}' returned ${int} hits");
                st("INFO", "com.acme.catalog.web.AccessLog", "Request ${method} ${route} completed with ${status}"
                        + " in ${ms} ms");
                st("WARN", "com.acme.catalog.db.SlowQueryLog", "Slow query detected: ${ms} ms for ${query}")
                        .weight(0.3);
                st("INFO", "com.acme.catalog.image.ImageService",
                        "Image ${uuid} uploaded to s3://${bucket}/${uuid}.jpg");
                st("ERROR", "com.acme.catalog.image.ImageService", "Failed to resize image ${uuid}").weight(0.1)
                        .throwing("javax.imageio.IIOException: Unsupported Image Type")
                        .throwing("java.lang.IllegalArgumentException: Width (${int}) and height (${int}) cannot be"
                                + " <= 0");
                st("INFO", "com.acme.catalog.events.Publisher", "Kafka producer sent ${int} records to ${topic}");
                st("WARN", "io.github.resilience4j.circuitbreaker", "Circuit breaker '${breaker}' changed state from"
                        + " ${breakerState} to ${breakerState}").rare(3);
                st("WARN", "com.acme.catalog.client.RetryingClient", "Retrying call to ${service} (attempt ${small} of"
                        + " ${=5})").weight(0.4);
                st("WARN", "com.acme.catalog.supplier.FeedImporter", "Price feed from ${supplier} rejected: ${why}")
                        .weight(0.3);
                st("INFO", "com.acme.catalog.wishlist.WishlistService", "User ${user} added ${sku} to wishlist");
                st("INFO", "com.acme.catalog.health.HealthLogger", "Health check ${check} status ${health}")
                        .weight(0.3);
                st("ERROR", "com.acme.catalog.web.ErrorHandler", "Unhandled exception for request ${uuid}")
                        .weight(0.05)
                        .throwing("java.lang.NullPointerException: Cannot invoke \"com.acme.catalog.Price.amount()\""
                                + " because the return value of \"com.acme.catalog.Product.price()\" is null");
                st("WARN", "com.acme.catalog.config.Deprecations", "Config property ${catalog.cache.ttl"
                        + "|catalog.images.bucket} is deprecated, use ${catalog.cache.expiry|catalog.media.bucket}"
                        + " instead").rare(2);
                st("INFO", "com.acme.catalog.supplier.FeedImporter", "Supplier ${supplier} sent catalog update:"
                        + " ${jsonpayload}").rare(2);
                st("INFO", "com.acme.catalog.api.ProductService", "Product name updated to \"${name}\"");
            }

            @Override
            void render(Event event, Emitter out) {
                if (event.statement.origin.equals("stdout")) {
                    out.line(event.message, event.message, NO_TIMESTAMP);
                    return;
                }
                String thread = event.thread != null ? event.thread : value("thread", event.random);
                StringBuilder line = new StringBuilder("{\"@timestamp\":\"")
                        .append(time.format(event.time.atOffset(zone))).append("\",\"@version\":\"1\",\"message\":")
                        .append(quote(event.message)).append(",\"logger_name\":").append(quote(event.statement.origin))
                        .append(",\"thread_name\":").append(quote(thread)).append(",\"level\":\"")
                        .append(event.statement.level).append("\",\"level_value\":")
                        .append(levelValue(event.statement.level));
                if (event.thrown != null) {
                    line.append(",\"stack_trace\":").append(quote(String.join("\n", javaTrace(event))));
                }
                if (event.random.nextInt(3) > 0) {
                    line.append(",\"traceId\":\"").append(Values.hex(event.random, 32)).append("\",\"spanId\":\"")
                            .append(Values.hex(event.random, 16)).append('"');
                }
                line.append('}');
                out.line(line.toString(), event.message, millis(event.time));
            }
        };
    }

    static int levelValue(String level) {
        return switch (level) {
            case "TRACE" -> 5000;
            case "DEBUG" -> 10000;
            case "WARN" -> 30000;
            case "ERROR" -> 40000;
            default -> 20000;
        };
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A Spark executor's log (after loghub's Spark): {@code yy/MM/dd HH:mm:ss LEVEL logger: message}. */
    static Source spark() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yy/MM/dd HH:mm:ss", Locale.ROOT);
        return new Source("spark", "2016-04-07T10:45:21Z") {
            {
                meanGapMillis = 350;
                kind("task", r -> r.nextInt(200) + "." + r.nextInt(3));
                kind("block", r -> Values.pick(r, "broadcast_" + r.nextInt(40) + "_piece0",
                        "broadcast_" + r.nextInt(40), "rdd_" + r.nextInt(30) + "_" + r.nextInt(200)));
                kind("rdd", r -> "rdd_" + r.nextInt(30) + "_" + r.nextInt(200));
                kind("kb", r -> String.format(Locale.ROOT, "%.1f", 0.5 + r.nextDouble() * 900));
                kind("split", r -> "hdfs://10.10.34.11:9000/pjhe/test/" + r.nextInt(20) + "/part-"
                        + String.format(Locale.ROOT, "%05d", r.nextInt(300)) + ":" + (r.nextInt(8) * 134_217_728L)
                        + "+" + 134_217_728);
                kind("attempt", r -> String.format(Locale.ROOT, "attempt_2016040710%02d_%04d_m_%06d_%d",
                        r.nextInt(60), r.nextInt(100), r.nextInt(1000), r.nextInt(2)));
                kind("output", r -> "hdfs://10.10.34.11:9000/pjhe/output/" + r.nextInt(20)
                        + "/_temporary/0/task_201604071045_00" + r.nextInt(10));
                kind("sparkuser", "yarn", "curi", "hadoop");
                kind("deprecated", "mapred.tip.id", "mapred.task.id", "mapred.task.is.map", "mapred.task.partition",
                        "mapred.job.id");
                kind("replacement", "mapreduce.task.id", "mapreduce.task.attempt.id", "mapreduce.task.ismap",
                        "mapreduce.task.partition", "mapreduce.job.id");
                kind("sparkhost", r -> "mesos-slave-" + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(32)));
                kind("local", r -> "/opt/hdfs/nodemanager/usercache/curi/appcache/application_1460011102909_"
                        + String.format(Locale.ROOT, "%04d", r.nextInt(200)) + "/blockmgr-" + Values.uuid(r));
                appFrames = List.of("java.io.FileInputStream.open0(Native Method)",
                        "java.io.FileInputStream.open(FileInputStream.java)",
                        "org.apache.hadoop.fs.RawLocalFileSystem$LocalFSFileInputStream"
                                + ".<init>(RawLocalFileSystem.java)",
                        "org.apache.hadoop.mapred.LineRecordReader.<init>(LineRecordReader.java)");
                libraryFrames = List.of(
                        "org.apache.spark.rdd.HadoopRDD$$anon$1.<init>(HadoopRDD.scala)",
                        "org.apache.spark.rdd.HadoopRDD.compute(HadoopRDD.scala)",
                        "org.apache.spark.rdd.RDD.computeOrReadCheckpoint(RDD.scala)",
                        "org.apache.spark.rdd.RDD.iterator(RDD.scala)",
                        "org.apache.spark.rdd.MapPartitionsRDD.compute(MapPartitionsRDD.scala)",
                        "org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala)",
                        "org.apache.spark.scheduler.Task.run(Task.scala)",
                        "org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala)",
                        "java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java)",
                        "java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java)",
                        "java.lang.Thread.run(Thread.java)");
                String backend = "executor.CoarseGrainedExecutorBackend";
                st("INFO", backend, "Registered signal handlers for [TERM, HUP, INT]").startup();
                st("INFO", "spark.SecurityManager", "Changing view acls to: ${sparkuser}").startup();
                st("INFO", "spark.SecurityManager", "Changing modify acls to: ${sparkuser}").startup();
                st("INFO", "spark.SecurityManager", "SecurityManager: authentication disabled; ui acls disabled;"
                        + " users with view permissions: Set(${sparkuser}); users with modify permissions:"
                        + " Set(${sparkuser})").startup();
                st("INFO", "slf4j.Slf4jLogger", "Slf4jLogger started").startup();
                st("INFO", "Remoting", "Starting remoting").startup();
                st("INFO", "Remoting", "Remoting started; listening on addresses"
                        + " :[akka.tcp://sparkExecutorActorSystem@${sparkhost}:${port}]").startup();
                st("INFO", "util.Utils", "Successfully started service 'sparkExecutorActorSystem' on port ${port}.")
                        .startup();
                st("INFO", "storage.DiskBlockManager", "Created local directory at ${local}").startup();
                st("INFO", "storage.MemoryStore", "MemoryStore started with capacity ${kb} MB").startup();
                st("INFO", backend, "Connecting to driver: spark://CoarseGrainedScheduler@${ip}:${port}").startup();
                st("INFO", backend, "Successfully registered with driver").startup();
                st("INFO", "executor.Executor", "Starting executor ID ${small} on host ${sparkhost}").startup();
                st("INFO", backend, "Got assigned task ${int}");
                st("INFO", "executor.Executor", "Running task ${task} in stage ${task} (TID ${int})");
                st("INFO", "broadcast.TorrentBroadcast", "Started reading broadcast variable ${int}");
                st("INFO", "storage.MemoryStore", "Block ${block} stored as bytes in memory (estimated size ${kb} KB,"
                        + " free ${kb} KB)");
                st("INFO", "broadcast.TorrentBroadcast", "Reading broadcast variable ${int} took ${ms} ms");
                st("INFO", "storage.MemoryStore", "Block ${block} stored as values in memory (estimated size ${kb} KB,"
                        + " free ${kb} KB)");
                st("INFO", "spark.CacheManager", "Partition ${rdd} not found, computing it");
                st("INFO", "rdd.HadoopRDD", "Input split: ${split}");
                st("INFO", "Configuration.deprecation", "${deprecated} is deprecated. Instead, use ${replacement}")
                        .rare(3);
                st("INFO", "output.FileOutputCommitter", "Saved output of task '${attempt}' to ${output}");
                st("INFO", "mapred.SparkHadoopMapRedUtil", "${attempt}: Committed");
                st("INFO", "executor.Executor", "Finished task ${task} in stage ${task} (TID ${int}). ${int} bytes"
                        + " result sent to driver");
                st("INFO", "python.PythonRunner", "Times: total = ${ms}, boot = ${-3|-1|1|2|5|12}, init = ${ms},"
                        + " finish = ${ms}").weight(0.4);
                st("ERROR", "executor.Executor", "Exception in task ${task} in stage ${task} (TID ${int})")
                        .weight(0.03)
                        .throwing("java.io.FileNotFoundException: /pjhe/test/${small}/part-${int} (No such file or"
                                + " directory)")
                        .throwing("java.lang.OutOfMemoryError: GC overhead limit exceeded");
                st("WARN", "storage.BlockManager", "Putting block ${rdd} failed").rare(3);
                st("ERROR", backend, "RECEIVED SIGNAL ${=15}: SIGTERM").rare(1);
                st("WARN", backend, "An unknown (${sparkhost}:${port}) driver disconnected.").rare(2);
                st("INFO", backend, "Driver commanded a shutdown").rare(1);
                st("INFO", "storage.MemoryStore", "MemoryStore cleared").rare(1);
                st("INFO", "storage.BlockManager", "BlockManager stopped").rare(1);
                st("INFO", "util.ShutdownHookManager", "Shutdown hook called").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                String prefix = time.format(utc(event.time)) + " " + event.statement.level + " "
                        + event.statement.origin + ": ";
                withTrace(this, event, out, prefix, seconds(event.time));
            }
        };
    }

    /** HDFS daemons (after loghub's HDFS): {@code yyMMdd HHmmss pid LEVEL component: message}. */
    static Source hdfs() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyMMdd HHmmss", Locale.ROOT);
        return new Source("hdfs", "2008-11-09T20:35:18Z") {
            {
                meanGapMillis = 120;
                kind("blk", r -> "blk_" + (r.nextBoolean() ? "-" : "") + Values.logUniform(r, 100_000_000_000_000_000L,
                        Long.MAX_VALUE / 2));
                kind("blks", r -> {
                    StringBuilder list = new StringBuilder();
                    int count = 1 + r.nextInt(8);
                    for (int i = 0; i < count; i++) {
                        list.append(i > 0 ? " " : "").append(value("blk", r));
                    }
                    return list.toString();
                });
                kind("dn", r -> "10.25" + r.nextInt(2) + "." + r.nextInt(256) + "." + r.nextInt(256) + ":50010");
                kind("node", r -> "10.25" + r.nextInt(2) + "." + r.nextInt(256) + "." + r.nextInt(256));
                kind("/dn", r -> "/" + value("dn", r));
                kind("/node", r -> "/" + value("node", r));
                kind("task", r -> String.format(Locale.ROOT, "/user/root/rand%s/_temporary/_task_200811092030_%04d_%s_"
                                + "%06d_0/part-%05d", r.nextBoolean() ? "" : r.nextInt(10), r.nextInt(10),
                        r.nextBoolean() ? "m" : "r", r.nextInt(2000), r.nextInt(2000)));
                kind("file", r -> "/mnt/hadoop/dfs/data/current/subdir" + r.nextInt(64) + "/" + value("blk", r));
                kind("blocksize", r -> Long.toString(r.nextInt(4) == 0 ? 67_108_864
                        : Values.logUniform(r, 1, 67_108_864)));
                String responder = "dfs.DataNode$PacketResponder";
                String names = "dfs.FSNamesystem";
                String xceiver = "dfs.DataNode$DataXceiver";
                st("INFO", xceiver, "Receiving block ${blk} src: ${/dn} dest: ${/dn}");
                st("INFO", names, "BLOCK* NameSystem.allocateBlock: ${task}. ${blk}");
                st("INFO", responder, "PacketResponder ${small} for block ${blk} terminating");
                st("INFO", responder, "Received block ${blk} of size ${blocksize} from ${/node}");
                st("INFO", names, "BLOCK* NameSystem.addStoredBlock: blockMap updated: ${dn} is added to ${blk} size"
                        + " ${blocksize}");
                st("INFO", "dfs.DataBlockScanner", "Verification succeeded for ${blk}").weight(0.5);
                st("INFO", "dfs.FSDataset", "Deleting block ${blk} file ${file}").weight(0.5);
                st("INFO", names, "BLOCK* NameSystem.delete: ${blk} is added to invalidSet of ${dn}").weight(0.5);
                st("INFO", xceiver, "${dn} Served block ${blk} to ${/node}").weight(0.5);
                st("WARN", xceiver, "${dn}:Got exception while serving ${blk} to ${/node}:").weight(0.2);
                st("INFO", xceiver, "Receiving empty packet for block ${blk}").rare(3);
                st("INFO", xceiver, "Exception in receiveBlock for block ${blk} java.io.IOException: Connection reset"
                        + " by peer").weight(0.05);
                st("INFO", xceiver, "writeBlock ${blk} received exception java.io.IOException: Could not read from"
                        + " stream").weight(0.05);
                st("INFO", responder, "PacketResponder ${blk} ${small} Exception java.io.InterruptedIOException:"
                        + " Interruped while waiting for IO on channel java.nio.channels.SocketChannel[connected"
                        + " local=${/dn} remote=${/node}:${port}]. ${int} millis timeout left.").weight(0.05);
                st("INFO", "dfs.DataNode$DataTransfer", "${dn}:Transmitted block ${blk} to ${/dn}").weight(0.2);
                st("INFO", "dfs.DataNode", "${dn} Starting thread to transfer block ${blk} to ${dn}").weight(0.2);
                st("INFO", names, "BLOCK* ask ${dn} to replicate ${blk} to datanode(s) ${dn}").weight(0.2);
                st("INFO", names, "BLOCK* NameSystem.addStoredBlock: Redundant addStoredBlock request received for"
                        + " ${blk} on ${dn} size ${blocksize}").weight(0.1);
                st("INFO", names, "BLOCK* ask ${dn} to delete  ${blks}").weight(0.3);
                st("WARN", "dfs.FSDataset", "Unexpected error trying to delete block ${blk}. BlockInfo not found in"
                        + " volumeMap.").rare(3);
                st("WARN", "dfs.DataNode", "${dn}:Failed to transfer ${blk} to ${dn} got java.io.IOException:"
                        + " Connection reset by peer").rare(2);
                st("INFO", names, "BLOCK* NameSystem.addStoredBlock: addStoredBlock request received for ${blk} on"
                        + " ${dn} size ${blocksize} But it does not belong to any file.").rare(2);
                st("WARN", "dfs.PendingReplicationBlocks$PendingReplicationMonitor", "PendingReplicationMonitor timed"
                        + " out block ${blk}").rare(2);
                st("INFO", "dfs.DataNode", "Adding an already existing block ${blk}").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                int pid = 13 + Math.floorMod(event.statement.origin.hashCode() + event.random.nextInt(3), 5000);
                String prefix = time.format(utc(event.time)) + " " + pid + " " + event.statement.level + " "
                        + event.statement.origin + ": ";
                out.line(prefix + event.message, event.message, seconds(event.time));
            }
        };
    }
}
