package dev.rca.pipeline.analyze.corpus;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The corpus's layouts of systems and servers: Linux syslog, OpenSSH (RFC 3339 syslog), Apache's access and error
 * logs, nginx's error log, Android logcat, Windows CBS, BlueGene/L RAS records and PostgreSQL (after loghub's data
 * sets where there is one).
 */
final class SystemSources {

    private SystemSources() {
    }

    static List<Source> all() {
        return List.of(syslog(), openssh(), apacheAccess(), apacheError(), nginxError(), android(), windowsCbs(), bgl(),
                postgres());
    }

    /** {@code sshd(pam_unix)[]} gets a pid between the brackets. */
    static String process(String origin, Random r) {
        return origin.endsWith("[]") ? origin.substring(0, origin.length() - 1) + (1000 + r.nextInt(31_000)) + "]"
                : origin;
    }

    /** A Linux host's syslog (after loghub's Linux): {@code MMM d HH:mm:ss host process[pid]: message}. */
    static Source syslog() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
        return new Source("syslog", "2026-06-14T15:16:01Z") {
            {
                meanGapMillis = 1_500;
                kind("rhost", r -> r.nextInt(3) == 0 ? Values.host(r) : Values.ip(r));
                kind("account", "root", "cyrus", "news", "test", "guest");
                kind("ctime", r -> DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
                        .format(LocalDateTime.of(2026, 6, 14, 0, 0).plusSeconds(r.nextInt(2_000_000))));
                kind("rdns", r -> Values.pick(r, "", Values.host(r), "h" + r.nextInt(255) + "-" + r.nextInt(255)
                        + ".dsl.example.net"));
                kind("eth", "eth0", "eth1");
                kind("speed", "100", "1000");
                kind("proc", "httpd", "java", "mysqld", "named");
                kind("usb", r -> (1 + r.nextInt(4)) + "-" + (1 + r.nextInt(2)));
                kind("drv", "uhci_hcd", "ehci_hcd");
                kind("domain", r -> Values.letters(r, 3 + r.nextInt(6)) + "." + Values.pick(r, "com", "net", "org"));
                String auth = "sshd(pam_unix)[]";
                st("INFO", "kernel", "Linux version ${=2.6.5-1.358} (bhcompile@bugs.build.redhat.com) (gcc version"
                        + " ${=3.3.3 20040412 (Red Hat Linux 3.3.3-7)}) ${=#1 Fri Jun 3 08:00:00 EDT 2005}").startup();
                st("INFO", "kernel", "Kernel command line: ro root=LABEL=/ rhgb quiet").startup();
                st("INFO", "kernel", "audit(${int}.${int}:${small}): initialized").startup();
                st("INFO", auth, "authentication failure; logname= uid=${=0} euid=${=0} tty=NODEVssh ruser="
                        + " rhost=${rhost}");
                st("INFO", auth, "authentication failure; logname= uid=${=0} euid=${=0} tty=NODEVssh ruser="
                        + " rhost=${rhost}  user=${account}");
                st("INFO", auth, "check pass; user unknown");
                st("INFO", auth, "session opened for user ${account} by (uid=${=0})");
                st("INFO", auth, "session closed for user ${account}");
                st("INFO", "su(pam_unix)[]", "session opened for user ${account} by (uid=${=0})");
                st("INFO", "su(pam_unix)[]", "session closed for user ${account}");
                st("INFO", "crond(pam_unix)[]", "session opened for user ${=root} by (uid=${=0})");
                st("INFO", "crond(pam_unix)[]", "session closed for user ${=root}");
                st("INFO", "logrotate", "ALERT exited abnormally with [${=1}]").rare(3);
                st("INFO", "ftpd[]", "connection from ${ip} (${rdns}) at ${ctime}");
                st("INFO", "xinetd[]", "START: ftp pid=${pid} from=${ip}");
                st("INFO", "xinetd[]", "EXIT: ftp status=${=0} pid=${pid} duration=${int}(sec)");
                st("INFO", "kernel", "usb ${usb}: new full speed USB device using ${drv} and address ${small}")
                        .weight(0.2);
                st("INFO", "kernel", "${eth}: link up, ${speed}Mbps, full-duplex, lpa ${hex4}").rare(3);
                st("INFO", "kernel", "Out of Memory: Killed process ${pid} (${proc}).").rare(2);
                st("INFO", "cups", "cupsd shutdown succeeded").rare(2);
                st("INFO", "cups", "cupsd startup succeeded").rare(2);
                st("INFO", "syslogd 1.4.1", "restart.").rare(2);
                st("INFO", "named[]", "lame server resolving '${domain}' (in '${domain}'?): ${ip}#53").weight(0.5);
                st("INFO", "snmpd[]", "Received SNMP packet(s) from ${ip}").weight(0.5);
                st("INFO", "gdm(pam_unix)[]", "authentication failure; logname= uid=${=0} euid=${=0} tty=:0 ruser="
                        + " rhost=  user=${account}").rare(2);
                st("INFO", "hcid[]", "HCI daemon ver ${=2.4} started").rare(1);
                st("INFO", "rpc.statd[]", "Version ${=1.0.6} Starting").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                LocalDateTime at = utc(event.time);
                String prefix = time.format(at) + " combo " + process(event.statement.origin, event.random) + ": ";
                out.line(prefix + event.message, event.message,
                        yearless(at.getMonthValue(), at.getDayOfMonth(), at.toLocalTime().withNano(0)));
            }
        };
    }

    /** OpenSSH through rsyslog with RFC 3339 timestamps: {@code 2026-03-10T06:55:46.123456+01:00 host sshd[pid]:}. */
    static Source openssh() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT);
        ZoneOffset zone = ZoneOffset.ofHours(1);
        return new Source("openssh", "2026-03-10T05:55:46Z") {
            {
                meanGapMillis = 1_200;
                kind("invalid", "admin", "test", "oracle", "postgres", "ubnt", "support", "guest", "user", "ftpuser",
                        "git", "mysql", "webmaster", "pi", "nagios", "hadoop", "minecraft", "teamspeak", "vagrant");
                kind("account", "root", "fztu", "jmzhu", "curi");
                kind("rhost", r -> r.nextInt(4) == 0 ? Values.host(r) : Values.ip(r));
                kind("fingerprint", r -> {
                    byte[] digest = new byte[32];
                    r.nextBytes(digest);
                    return java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
                });
                kind("rdns", r -> Values.ip(r).replace('.', '-') + ".static." + Values.pick(r, Values.DOMAINS));
                kind("garbage", "GET / HTTP/1.1", "\\026\\003\\001", "SSH-2.0-Go", "\\200\\034", "");
                String sshd = "sshd";
                st("INFO", sshd, "Server listening on ${=0.0.0.0} port ${=22}.").startup();
                st("INFO", sshd, "Server listening on ${=::} port ${=22}.").startup();
                st("INFO", sshd, "Invalid user ${invalid} from ${ip}");
                st("INFO", sshd, "input_userauth_request: invalid user ${invalid} [preauth]");
                st("INFO", sshd, "pam_unix(sshd:auth): check pass; user unknown");
                st("INFO", sshd, "pam_unix(sshd:auth): authentication failure; logname= uid=${=0} euid=${=0} tty=ssh"
                        + " ruser= rhost=${rhost}");
                st("INFO", sshd, "pam_unix(sshd:auth): authentication failure; logname= uid=${=0} euid=${=0} tty=ssh"
                        + " ruser= rhost=${rhost}  user=${account}");
                st("INFO", sshd, "Failed password for invalid user ${invalid} from ${ip} port ${port} ssh2");
                st("INFO", sshd, "Failed password for ${account} from ${ip} port ${port} ssh2");
                st("INFO", sshd, "Accepted password for ${account} from ${ip} port ${port} ssh2").weight(0.2);
                st("INFO", sshd, "Accepted publickey for ${account} from ${ip} port ${port} ssh2: RSA"
                        + " SHA256:${fingerprint}").weight(0.2);
                st("INFO", sshd, "pam_unix(sshd:session): session opened for user ${account} by (uid=${=0})")
                        .weight(0.3);
                st("INFO", sshd, "pam_unix(sshd:session): session closed for user ${account}").weight(0.3);
                st("INFO", sshd, "Received disconnect from ${ip}: ${=11}: Bye Bye [preauth]");
                st("INFO", sshd, "Connection closed by ${ip} [preauth]");
                st("INFO", sshd, "Did not receive identification string from ${ip}");
                st("INFO", sshd, "reverse mapping checking getaddrinfo for ${rdns} [${ip}] failed - POSSIBLE BREAK-IN"
                        + " ATTEMPT!");
                st("INFO", sshd, "Disconnecting: Too many authentication failures for ${account} [preauth]");
                st("INFO", sshd, "error: Received disconnect from ${ip}: ${=3}: com.jcraft.jsch.JSchException: Auth"
                        + " fail [preauth]");
                st("INFO", sshd, "PAM ${small} more authentication failures; logname= uid=${=0} euid=${=0} tty=ssh"
                        + " ruser= rhost=${rhost}  user=${account}");
                st("INFO", sshd, "message repeated ${small} times: [ Failed password for ${account} from ${ip} port"
                        + " ${port} ssh2]");
                st("INFO", sshd, "fatal: Read from socket failed: Connection reset by peer [preauth]").weight(0.3);
                st("INFO", sshd, "Bad protocol version identification '${garbage}' from ${ip} port ${port}").rare(3);
                st("INFO", sshd, "Timeout before authentication for ${ip} port ${port}").rare(3);
                st("INFO", sshd, "Received signal ${=15}; terminating.").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                String prefix = time.format(event.time.atOffset(zone)) + " LabSZ sshd[" + (20_000
                        + event.random.nextInt(9_000)) + "]: ";
                out.line(prefix + event.message, event.message, millis(event.time));
            }
        };
    }

    static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1"
                + " Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "curl/8.5.0", "python-requests/2.32.3", "Go-http-client/1.1", "kube-probe/1.29",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "-"};

    /** Apache's combined access log: {@code host ident user [date] "request" status bytes "referer" "agent"}. */
    static Source apacheAccess() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
        ZoneId zone = ZoneId.of("America/Denver");
        return new Source("apache-access", "2025-07-14T16:02:00Z") {
            {
                meanGapMillis = 180;
                kind("agent", AGENTS);
                kind("referer", r -> r.nextInt(3) == 0 ? "-" : "https://www.example.com/" + Values.pick(r, "",
                        "products/" + r.nextInt(5000), "search?q=" + Values.pick(r, Values.WORDS), "cart"));
                kind("bytes", r -> Long.toString(Values.logUniform(r, 200, 2_000_000)));
                kind("asset", r -> Values.pick(r, "main", "vendor", "app", "runtime") + "." + Values.hex(r, 8));
                kind("image", r -> Values.pick(r, "hero", "logo", "banner", "thumb-" + r.nextInt(900)) + "."
                        + Values.pick(r, "png", "jpg", "webp"));
                kind("term", r -> Values.pick(r, "shoes", "red+dress", "usb-c", "caf%C3%A9", "gift%20card", "lamp"));
                kind("tls", r -> {
                    StringBuilder bytes = new StringBuilder("\\x16\\x03\\x01");
                    for (int i = 0; i < 8 + r.nextInt(20); i++) {
                        bytes.append("\\x").append(Values.hex(r, 2));
                    }
                    return bytes.toString();
                });
                String tail = " \"${referer}\" \"${agent}\"";
                st("-", "-", "\"GET / HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"GET /static/css/${asset}.css HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"GET /static/js/${asset}.js HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"GET /images/${image} HTTP/1.1\" 304 -" + tail);
                st("-", "-", "\"GET /api/v1/products/${int} HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"GET /api/v1/products/${int} HTTP/1.1\" 404 ${bytes}" + tail).weight(0.3);
                st("-", "-", "\"GET /api/v1/products?page=${small}&size=${=20} HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"POST /api/v1/cart/items HTTP/1.1\" 201 ${bytes}" + tail);
                st("-", "-", "\"POST /api/v1/login HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"POST /api/v1/login HTTP/1.1\" 401 ${bytes}" + tail).weight(0.3);
                st("-", "-", "\"GET /api/v1/orders/${int} HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"GET /api/v1/orders/${int} HTTP/1.1\" 403 ${bytes}" + tail).weight(0.1);
                st("-", "-", "\"POST /api/v1/orders HTTP/1.1\" 500 ${bytes}" + tail).weight(0.05);
                st("-", "-", "\"GET /favicon.ico HTTP/1.1\" 404 ${bytes}" + tail);
                st("-", "-", "\"GET /robots.txt HTTP/1.1\" 200 ${bytes}" + tail).weight(0.3);
                st("-", "-", "\"GET /wp-login.php HTTP/1.1\" 404 ${bytes}" + tail).weight(0.2);
                st("-", "-", "\"GET /.env HTTP/1.1\" 404 ${bytes}" + tail).rare(3);
                st("-", "-", "\"HEAD /healthz HTTP/1.0\" 200 -" + tail);
                st("-", "-", "\"GET /search?q=${term} HTTP/1.1\" 200 ${bytes}" + tail);
                st("-", "-", "\"PUT /api/v1/users/${int}/avatar HTTP/1.1\" 413 ${bytes}" + tail).rare(2);
                st("-", "-", "\"GET /download/${file} HTTP/1.1\" 206 ${bytes}" + tail).weight(0.2);
                st("-", "-", "\"${tls}\" 400 ${bytes} \"-\" \"-\"").rare(2);
                st("-", "-", "\"-\" 408 - \"-\" \"-\"").rare(3);
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                String user = r.nextInt(8) == 0 ? Values.pick(r, Values.USERS) : "-";
                String prefix = Values.ip(r) + " - " + user + " [" + time.format(event.time.atZone(zone)) + "] ";
                out.line(prefix + event.message, event.message, seconds(event.time));
            }
        };
    }

    /** Apache 2.2's error log (after loghub's Apache): {@code [ctime] [level] [client ip] message}. */
    static Source apacheError() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ENGLISH);
        return new Source("apache-error", "2005-12-04T04:47:44Z") {
            {
                meanGapMillis = 3_000;
                kind("slot", r -> Integer.toString(r.nextInt(12)));
                kind("state", "6", "7");
                kind("docroot", r -> "/var/www/html/" + Values.pick(r, "", "admin/", "images/", "cgi-bin/"));
                kind("missing", r -> "/var/www/html/" + Values.pick(r, "favicon.ico", "robots.txt", "phpmyadmin",
                        "awstats/awstats.pl", "scripts/..%5c../winnt/system32/cmd.exe", "MSADC/root.exe"));
                kind("script", r -> "/var/www/cgi-bin/" + Values.pick(r, "awstats.pl", "formmail.pl", "test.cgi"));
                kind("badreq", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/boot.ini", "/\\x90\\x02\\xb1\\x02");
                kind("php", "/var/www/html/forum/db.php", "/var/www/html/shop/includes/connect.php");
                kind("backend", "backend.example.com", "app01.internal");
                st("notice", "-", "Apache/${=2.0.52} (Red Hat) configured -- resuming normal operations").startup();
                st("notice", "-", "Digest: generating secret for digest authentication ...").startup();
                st("notice", "-", "Digest: done").startup();
                st("notice", "-", "LDAP: Built with OpenLDAP LDAP SDK").startup();
                st("notice", "-", "LDAP: SSL support unavailable").startup();
                st("notice", "-", "suEXEC mechanism enabled (wrapper: /usr/sbin/suexec)").startup();
                st("notice", "-", "jk2_init() Found child ${pid} in scoreboard slot ${slot}");
                st("notice", "-", "workerEnv.init() ok /etc/httpd/conf/workers2.properties");
                st("error", "-", "mod_jk child workerEnv in error state ${state}");
                st("error", "client", "Directory index forbidden by rule: ${docroot}");
                st("error", "-", "jk2_init() Can't find child ${pid} in scoreboard").weight(0.3);
                st("error", "-", "mod_jk child init ${=1} ${-2|-1}").weight(0.3);
                st("error", "client", "File does not exist: ${missing}");
                st("error", "client", "script not found or unable to stat: ${script}").weight(0.3);
                st("error", "client", "Invalid URI in request GET ${badreq} HTTP/1.1").rare(3);
                st("warn", "-", "child process ${pid} still did not exit, sending a SIGTERM").rare(3);
                st("error", "-", "child process ${pid} still did not exit, sending a SIGKILL").rare(2);
                st("error", "client", "PHP Warning:  mysql_connect(): Too many connections in ${php} on line ${int},"
                        + " referer: http://www.example.com/forum/").weight(0.2);
                st("error", "client", "client denied by server configuration: /var/www/html/server-status")
                        .weight(0.2);
                st("error", "-", "(${=70007})The timeout specified has expired: proxy: error reading status line from"
                        + " remote server ${backend}").rare(3);
                st("notice", "-", "caught SIGTERM, shutting down").rare(1);
                st("crit", "-", "(${=28})No space left on device: mod_rewrite: could not create rewrite_log_lock")
                        .rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                String client = event.statement.origin.equals("client") ? "[client " + Values.ip(event.random) + "] "
                        : "";
                String prefix = "[" + time.format(utc(event.time)) + "] [" + event.statement.level + "] " + client;
                out.line(prefix + event.message, event.message, seconds(event.time));
            }
        };
    }

    /** nginx's error log: {@code yyyy/MM/dd HH:mm:ss [level] pid#tid: *connection message}. */
    static Source nginxError() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
        return new Source("nginx-error", "2025-03-02T11:00:00Z") {
            private long connection = 1;

            {
                meanGapMillis = 2_000;
                kind("server", "www.example.com", "api.example.com", "localhost", "_");
                kind("method", "GET", "GET", "POST", "HEAD");
                kind("uri", r -> Values.pick(r, "/", "/api/v1/orders/" + r.nextInt(90_000),
                        "/wp-admin/setup-config.php",
                        "/static/" + Values.hex(r, 8) + ".js", "/favicon.ico", "/api/v1/search?q="
                                + Values.pick(r, Values.WORDS)));
                kind("host", r -> Values.pick(r, "www.example.com", "api.example.com", Values.ip(r)));
                kind("missing", r -> "/usr/share/nginx/html" + Values.pick(r, "/favicon.ico", "/robots.txt",
                        "/.git/config", "/wp-login.php", "/apple-touch-icon.png", "/ads.txt"));
                kind("upstream", r -> "http://" + Values.ip(r) + ":" + Values.pick(r, "8080", "3000", "9000"));
                kind("temp", r -> String.format(Locale.ROOT, "%d/%02d/%010d", r.nextInt(10), r.nextInt(100),
                        r.nextInt(1_000_000_000)));
                kind("zone", "api", "login", "perip");
                kind("excess", r -> String.format(Locale.ROOT, "%.3f", r.nextDouble() * 20));
                kind("phpfn", "mysql_connect", "each", "create_function", "split");
                kind("script", "/var/www/html/index.php", "/var/www/html/wp-includes/load.php");
                String request = ", client: ${ip}, server: ${server}, request: \"${method} ${uri} HTTP/1.1\"";
                String upstream = request + ", upstream: \"${upstream}${uri}\", host: \"${host}\"";
                st("notice", "-", "using the \"epoll\" event method").startup();
                st("notice", "-", "nginx/${=1.26.2}").startup();
                st("notice", "-", "built by gcc ${=12.2.0} (Debian ${=12.2.0-14})").startup();
                st("notice", "-", "OS: Linux ${=6.1.0-27-amd64}").startup();
                st("notice", "-", "getrlimit(RLIMIT_NOFILE): ${=1048576}:${=1048576}").startup();
                st("notice", "-", "start worker processes").startup();
                st("notice", "-", "start worker process ${pid}").rare(3);
                st("notice", "-", "signal process started").rare(2);
                st("emerg", "-", "bind() to ${=0.0.0.0:80} failed (${=98}: Address already in use)").rare(2);
                st("error", "conn", "open() \"${missing}\" failed (${=2}: No such file or directory)" + request
                        + ", host: \"${host}\"");
                st("error", "conn", "directory index of \"/usr/share/nginx/html/${static|uploads|backup}/\" is"
                        + " forbidden" + request + ", host: \"${host}\"").weight(0.3);
                st("error", "conn", "connect() failed (${=111}: Connection refused) while connecting to upstream"
                        + upstream);
                st("error", "conn", "upstream timed out (${=110}: Connection timed out) while reading response header"
                        + " from upstream" + upstream);
                st("error", "conn", "upstream prematurely closed connection while reading response header from"
                        + " upstream" + upstream).weight(0.5);
                st("error", "conn", "no live upstreams while connecting to upstream" + upstream).weight(0.3);
                st("warn", "conn", "upstream server temporarily disabled while connecting to upstream" + upstream)
                        .weight(0.5);
                st("warn", "conn", "an upstream response is buffered to a temporary file"
                        + " /var/cache/nginx/proxy_temp/${temp} while reading upstream" + upstream);
                st("warn", "conn", "a client request body is buffered to a temporary file"
                        + " /var/cache/nginx/client_temp/${temp}" + request + ", host: \"${host}\"");
                st("info", "conn", "client ${ip} closed keepalive connection");
                st("info", "conn", "client closed connection while waiting for request, client: ${ip}, server:"
                        + " ${=0.0.0.0:443}");
                st("crit", "conn", "SSL_do_handshake() failed (SSL: error:${=0A00006C}:SSL routines::bad key share)"
                        + " while SSL handshaking, client: ${ip}, server: ${=0.0.0.0:443}").weight(0.2);
                st("error", "conn", "limiting requests, excess: ${excess} by zone \"${zone}\"" + request
                        + ", host: \"${host}\"");
                st("error", "conn", "FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught Error: Call to"
                        + " undefined function ${phpfn}() in ${script}:${int}\" while reading response header from"
                        + " upstream" + request + ", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host:"
                        + " \"${host}\"").rare(3);
                st("alert", "-", "${=1024} worker_connections are not enough").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                int worker = 3_100 + event.random.nextInt(4);
                String cid = event.statement.origin.equals("conn") ? "*" + (connection += 1 + event.random.nextInt(40))
                        + " " : "";
                String prefix = time.format(utc(event.time)) + " [" + event.statement.level + "] " + worker + "#0: "
                        + cid;
                out.line(prefix + event.message, event.message, seconds(event.time));
            }
        };
    }

    /** Android logcat, threadtime format (after loghub's Android): {@code MM-dd HH:mm:ss.SSS pid tid L tag: msg}. */
    static Source android() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS", Locale.ROOT);
        return new Source("android", "2026-03-17T16:13:38Z") {
            {
                meanGapMillis = 90;
                kind("lock", r -> Integer.toString(100_000_000 + r.nextInt(900_000_000)));
                kind("wltag", "RILJ_ACK_WL", "WindowManager", "*alarm*", "NlpWakeLock", "AudioMix",
                        "GCoreFlp", "*job*/com.google.android.gms/.gcm.nts.TaskExecutionService");
                kind("pkg", "com.android.systemui", "com.tencent.mm", "com.android.phone", "com.google.android.gms",
                        "com.whatsapp", "com.example.notes");
                kind("activity", "com.tencent.mm/.ui.LauncherUI", "com.android.settings/.Settings",
                        "com.example.notes/.MainActivity", "com.android.launcher3/.Launcher");
                kind("sysuid", r -> Integer.toString(1000 + r.nextInt(2) * 10_000 + r.nextInt(200)));
                kind("visibility", "true", "false");
                kind("duration", r -> "+" + (r.nextInt(3) == 0 ? (1 + r.nextInt(3)) + "s" : "") + r.nextInt(1000)
                        + "ms");
                kind("reason", "activity", "service", "broadcast", "content provider");
                kind("signal", r -> Values.pick(r, "9", "15"));
                kind("setting", "wifi_on", "stay_on_while_plugged_in", "auto_time", "bluetooth_on");
                kind("mac", r -> String.join(":", Values.hex(r, 2), Values.hex(r, 2), Values.hex(r, 2),
                        Values.hex(r, 2), Values.hex(r, 2), Values.hex(r, 2)));
                kind("sql", "INSERT INTO message(msgId,talker) VALUES (?,?)", "UPDATE rconversation SET unReadCount=?");
                kind("brightness", r -> Integer.toString(10 + r.nextInt(245)));
                appFrames = List.of("com.example.notes.sync.SyncAdapter.merge(SyncAdapter.java)",
                        "com.example.notes.sync.SyncAdapter.onPerformSync(SyncAdapter.java)",
                        "com.example.notes.ui.NoteListFragment.onResume(NoteListFragment.java)");
                libraryFrames = List.of("android.app.Fragment.performResume(Fragment.java)",
                        "android.app.Activity.performResume(Activity.java)",
                        "android.app.ActivityThread.performResumeActivity(ActivityThread.java)",
                        "android.os.Handler.dispatchMessage(Handler.java)",
                        "android.os.Looper.loop(Looper.java)",
                        "android.app.ActivityThread.main(ActivityThread.java)",
                        "java.lang.reflect.Method.invoke(Native Method)",
                        "com.android.internal.os.ZygoteInit$MethodAndArgsCaller.run(ZygoteInit.java)",
                        "com.android.internal.os.ZygoteInit.main(ZygoteInit.java)");
                String token = "AppWindowToken{${hex7} token=Token{${hex7} ActivityRecord{${hex7} u0 ${activity}"
                        + " t${int}}}}";
                st("D", "PowerManagerService", "release:lock=${lock}, flg=0x0, tag=\"${wltag}\", name=${pkg},"
                        + " ws=null, uid=${sysuid}, pid=${pid}");
                st("D", "PowerManagerService", "acquire lock=${lock}, flags=0x1, tag=\"${wltag}\", name=${pkg},"
                        + " ws=null, uid=${sysuid}, pid=${pid}");
                st("V", "WindowManager", "Skipping " + token + " -- going to hide");
                st("D", "WindowManager", "printFreezingDisplayLogsopening app wtoken = " + token + ", allDrawn="
                        + " ${visibility}, startingDisplayed =  ${visibility}, startingMoved =  ${visibility},"
                        + " isRelaunching =  ${visibility}");
                st("I", "WindowManager", "Relayout Window{${hex7} u0 ${activity}}: oldVis=${4|0|8} newVis=${0|4|8}");
                st("I", "ActivityManager", "Start proc ${pid}:${pkg}/u0a${num} for ${reason} ${activity}");
                st("I", "ActivityManager", "Displayed ${activity}: ${duration}");
                st("W", "ActivityManager", "Unable to start service Intent {"
                        + " act=com.google.android.gms.drive.ApiService.START pkg=com.google.android.gms } U=0: not"
                        + " found").weight(0.2);
                st("I", "ActivityManager", "Killing ${pid}:${pkg}/u0a${num} (adj ${int}): empty #${n}");
                st("I", "ActivityManager", "Process ${pkg} (pid ${pid}) has died");
                st("D", "TextView", "visible is system.time.showampm");
                st("I", "chatty", "uid=${sysuid}(${system|u0_a64}) ${Binder:1702_4|android.bg|RenderThread}"
                        + " identical ${n} lines");
                st("D", "DisplayPowerController", "Animating brightness: target=${brightness}, rate=${=40}");
                st("I", "Zygote", "Process ${pid} exited due to signal ${signal}").weight(0.2);
                st("W", "Settings", "Setting ${setting} has moved from android.provider.Settings.System to"
                        + " android.provider.Settings.Global, returning read-only value.").weight(0.3);
                st("E", "SQLiteLog", "(${=2067}) abort at ${int} in [${sql}]: UNIQUE constraint failed:"
                        + " message.msgId").weight(0.1);
                st("I", "wpa_supplicant", "wlan0: CTRL-EVENT-CONNECTED - Connection to ${mac} completed [id=${small}"
                        + " id_str=]").rare(3);
                st("W", "InputMethodManagerService", "Window already focused, ignoring focus gain of:"
                        + " com.android.internal.view.IInputMethodClient$Stub$Proxy@${hex7} attribute=null, token ="
                        + " android.os.BinderProxy@${hex7}").weight(0.3);
                st("E", "AndroidRuntime", "FATAL EXCEPTION: ${main|SyncAdapterThread-1}").rare(2).dump("crash")
                        .throwing("java.lang.NullPointerException: Attempt to invoke virtual method 'int"
                                + " java.lang.String.length()' on a null object reference")
                        .throwing("android.database.sqlite.SQLiteConstraintException: UNIQUE constraint failed:"
                                + " notes.remote_id (code ${=2067} SQLITE_CONSTRAINT_UNIQUE)");
                st("E", "ActivityManager", "ANR in ${pkg}").rare(1).dump("anr");
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                String tag = event.statement.origin;
                boolean system = !tag.equals("AndroidRuntime") && !tag.equals("SQLiteLog") && !tag.equals("TextView");
                int pid = system ? 1702 : 2227 + 1000 * r.nextInt(3);
                int tid = system ? 1702 + r.nextInt(8) * 173 : pid + r.nextInt(3) * 41;
                LocalDateTime at = utc(event.time);
                long truth = yearless(at.getMonthValue(), at.getDayOfMonth(), clockMillis(event.time));
                String prefix = String.format(Locale.ROOT, "%s %5d %5d %s %-8s: ", time.format(at), pid, tid,
                        event.statement.level, tag);
                out.line(prefix + event.message, event.message, truth);
                if ("crash".equals(event.statement.dump)) {
                    String process = "Process: com.example.notes, PID: " + pid;
                    out.line(prefix + process, process, truth);
                    for (String line : javaTrace(event)) {
                        out.line(prefix + line, line, truth);
                    }
                } else if ("anr".equals(event.statement.dump)) {
                    for (String line : List.of("PID: " + (2000 + r.nextInt(9000)),
                            "Reason: Input dispatching timed out (Waiting to send non-key event because the touched"
                                    + " window has not finished processing certain input events)",
                            String.format(Locale.ROOT, "Load: %.2f / %.2f / %.2f", 5 + r.nextDouble() * 4,
                                    5 + r.nextDouble() * 4, 5 + r.nextDouble() * 4),
                            "CPU usage from 0ms to " + (5000 + r.nextInt(4000)) + "ms later:",
                            "  " + r.nextInt(90) + "% 1702/system_server: 31% user + 12% kernel / faults: 5210"
                                    + " minor")) {
                        out.line(prefix + line, line, truth);
                    }
                }
            }
        };
    }

    /** Windows' CBS.log (after loghub's Windows): {@code yyyy-MM-dd HH:mm:ss, Level  COMPONENT  message}, CRLF. */
    static Source windowsCbs() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        return new Source("windows-cbs", "2016-09-28T04:30:30Z") {
            {
                meanGapMillis = 400;
                kind("stack", "6.1.7601.23505", "6.1.7601.23471");
                kind("session", r -> (30_546_000 + r.nextInt(1000)) + "_"
                        + (3_000_000_000L + r.nextInt(1_000_000_000)));
                kind("client", "WindowsUpdateAgent", "DISM Package Manager Provider", "Windows Update", "CbsTask");
                kind("package", r -> "Package_" + Values.pick(r, "for_KB" + (2_000_000 + r.nextInt(2_000_000)),
                        r.nextInt(60) + "_for_KB" + (2_000_000 + r.nextInt(2_000_000)))
                        + "~31bf3856ad364e35~amd64~~6.1." + r.nextInt(2) + "." + r.nextInt(20));
                kind("state", "0", "112", "80", "7");
                kind("csi", r -> String.format(Locale.ROOT, "%08x@2016/9/28:%02d:%02d:%02d.%03d", r.nextInt(5000),
                        r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000)));
                kind("addr", r -> "@0x" + Values.hex(r, 11));
                kind("optin", "False", "True");
                String stack = " (stack ${addr} ${addr} ${addr} ${addr} ${addr} ${addr})";
                st("Info", "CBS", "Starting TrustedInstaller initialization.").startup();
                st("Info", "CBS", "Loaded Servicing Stack v${stack} with Core:"
                        + " C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_${stack}"
                        + "_none_681aa442f6fed7f0\\cbscore.dll").startup();
                st("Info", "CSI", "${csi} WcpInitialize (wcp.dll version ${=0.0.0.6}) called" + stack).startup();
                st("Info", "CSI", "${csi} CSI Transaction ${addr} initialized for deployment engine"
                        + " {d16d444c-56d8-11d5-882d-0080c847b195} with flags ${=00000002} and client id [${=10}]"
                        + "\"TI5.${session}\"").weight(0.3);
                st("Info", "CBS", "Ending TrustedInstaller initialization.").rare(3);
                st("Info", "CBS", "Starting the TrustedInstaller main loop.").rare(3);
                st("Info", "CBS", "TrustedInstaller service starts successfully.").rare(3);
                st("Info", "CBS", "SQM: Initializing online with Windows opt-in: ${optin}");
                st("Info", "CBS", "SQM: Cleaning up report files older than ${=10} days.");
                st("Info", "CBS", "SQM: Requesting upload of all unsent reports.");
                st("Info", "CBS", "SQM: Failed to start upload with file pattern:"
                        + " C:\\Windows\\servicing\\sqm\\*_std.sqm, flags: ${=0x2} [HRESULT = ${=0x80004005} -"
                        + " E_FAIL]");
                st("Info", "CBS", "SQM: Failed to start standard sample upload. [HRESULT = ${=0x80004005} - E_FAIL]");
                st("Info", "CBS", "SQM: Queued ${small} file(s) for upload with pattern:"
                        + " C:\\Windows\\servicing\\sqm\\*_all.sqm, flags: ${=0x6}");
                st("Info", "CBS", "Session: ${session} initialized by client ${client}.");
                st("Info", "CBS", "Read out cached package applicability for package: ${package}, ApplicableState:"
                        + " ${state}, CurrentState:${state}");
                st("Info", "CBS", "Session: ${session} finalized. Reboot required: no [HRESULT = ${=0x00000000} -"
                        + " S_OK]");
                st("Info", "CBS", "Warning: Unrecognized packageExtended attribute.");
                st("Info", "CBS", "Expecting attribute name [HRESULT = ${=0x800f080d} - CBS_E_MANIFEST_INVALID_ITEM]");
                st("Info", "CBS", "Failed to get next element [HRESULT = ${=0x800f080d} -"
                        + " CBS_E_MANIFEST_INVALID_ITEM]");
                st("Info", "CBS", "Exec: Processing complete.  Session: ${session}, Package: ${package} [HRESULT ="
                        + " ${=0x00000000} - S_OK]");
                st("Warning", "CBS", "Failed to load the package ${package} from the store [HRESULT = ${=0x800f0805}"
                        + " - CBS_E_INVALID_PACKAGE]").weight(0.1);
                st("Error", "CBS", "Failed to internally open package. [HRESULT = ${=0x800f0805} -"
                        + " CBS_E_INVALID_PACKAGE]").weight(0.1);
                st("Info", "CBS", "NonStart: Checking to ensure startup processing was not required.");
                st("Info", "CBS", "Scavenge: Starts").rare(1);
                st("Info", "CBS", "Scavenge: Completes, disposition: ${=0x1}").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                String prefix = String.format(Locale.ROOT, "%s, %-22s%-7s", time.format(utc(event.time)),
                        event.statement.level, event.statement.origin);
                out.line(prefix + event.message + "\r", event.message, seconds(event.time));
            }
        };
    }

    /**
     * BlueGene/L RAS records (after loghub's BGL): alert label, epoch seconds, date, node, local date-time with
     * microseconds, node again, type, component, level, message. The epoch seconds are the instant; the date and
     * time are Pacific time.
     */
    static Source bgl() {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH.mm.ss.SSSSSS", Locale.ROOT);
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        return new Source("bgl", "2005-06-03T22:42:50Z") {
            {
                meanGapMillis = 2_500;
                kind("sym", r -> Integer.toString(r.nextInt(32)));
                kind("mask", r -> "0x" + Values.hex(r, 2));
                kind("nodecard", r -> String.format(Locale.ROOT, "R%02d-M%d-N%s", r.nextInt(64), r.nextInt(2),
                        Values.pick(r, "0", "4", "8", "C", "E")));
                kind("program", "/bgl/apps/swl/sweep3d/sweep3d.exe", "/home/jdoe/runs/cam/cam.exe",
                        "/p/gb1/apps/miranda/miranda");
                kind("lustre", r -> "ost" + r.nextInt(64) + "@tcp");
                kind("rank", r -> Integer.toString(r.nextInt(4)));
                st("INFO", "- KERNEL", "instruction cache parity error corrected");
                st("INFO", "- KERNEL", "${int} double-hummer alignment exceptions");
                st("INFO", "- KERNEL", "CE sym ${sym}, at ${hex8}, mask ${mask}");
                st("INFO", "- KERNEL", "generating core.${int}");
                st("INFO", "- KERNEL", "total of ${small} ddr error(s) detected and corrected").weight(0.5);
                st("INFO", "- KERNEL", "${int} floating point alignment exceptions");
                st("INFO", "- KERNEL", "iar ${hex8} dear ${hex8}").weight(0.3);
                st("INFO", "- KERNEL", "ddr: activating redundant bit steering: rank=${rank} symbol=${sym}").rare(3);
                st("INFO", "- KERNEL", "shutdown complete").weight(0.2);
                st("INFO", "- KERNEL", "ciod: generated ${int} core files for program ${program}").weight(0.2);
                st("FATAL", "KERNDTLB KERNEL", "data TLB error interrupt").weight(0.3);
                st("FATAL", "KERNMC KERNEL", "machine check interrupt (bit=${=0x1d}): L2 dcache unit data parity"
                        + " error").weight(0.1);
                st("FATAL", "- KERNEL", "rts panic! - stopping execution").weight(0.1);
                st("FATAL", "- KERNEL", "ciod: Error loading ${program}: invalid or missing program image, No such"
                        + " file or directory").weight(0.2);
                st("FATAL", "APPREAD APP", "ciod: failed to read message prefix on control stream (CioStream socket"
                        + " to ${ipport}").weight(0.2);
                st("FATAL", "KERNMNTF KERNEL", "Lustre mount FAILED : ${nodecard} : point /p/gb1").rare(3);
                st("WARNING", "- DISCOVERY", "Node card is not fully functional").weight(0.2);
                st("ERROR", "- DISCOVERY", "Node card VPD check: ${nodecard} node in processor card slot ${small} do"
                        + " not match. VPD ecid ${hex16}, found ${hex16}").rare(3);
                st("FAILURE", "MONILL MONITOR", "monitor caught java.lang.IllegalStateException: while executing I2C"
                        + " Operation caught java.net.SocketException: Broken pipe and is stopping").rare(1);
                st("FATAL", "- KERNEL", "idoproxydb hit ASSERT condition: ASSERT expression=${=0} Source"
                        + " file=idotransportmgr.cpp Source line=${=1043} Function=int"
                        + " IdoTransportMgr::SendPacket(IdoUdpMgr*, BglCtlPavTrace*)").rare(1);
                st("FATAL", "- KERNEL", "L3 major internal error").rare(2);
                st("SEVERE", "- MMCS", "mmcs_db_server has been started: ./mmcs_db_server --useDatabase BGL"
                        + " --dbproperties serverdb.properties --iolog /bgl/BlueLight/logs/BGL --reconnect-blocks"
                        + " all").rare(1);
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                String node = String.format(Locale.ROOT, "R%02d-M%d-N%s-C:J%02d-U%s", r.nextInt(64), r.nextInt(2),
                        Values.pick(r, "0", "4", "8", "C", "E", "1", "A"), 2 + r.nextInt(17),
                        r.nextBoolean() ? "01" : "11");
                String[] origin = event.statement.origin.split(" ");
                ZonedDateTime local = event.time.atZone(pacific);
                String prefix = origin[0] + " " + event.time.getEpochSecond() + " " + date.format(local) + " " + node
                        + " " + time.format(local) + " " + node + " RAS " + origin[1] + " " + event.statement.level
                        + " ";
                out.line(prefix + event.message, event.message, millis(event.time));
            }
        };
    }

    /** PostgreSQL's stderr log with {@code log_line_prefix = '%m [%p] '}. */
    static Source postgres() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
        return new Source("postgres", "2024-01-05T10:00:00Z") {
            {
                meanGapMillis = 700;
                kind("dbuser", "app", "reporting", "postgres", "replicator", "grafana", "admin", "etl");
                kind("database", "shop", "analytics", "postgres", "billing");
                kind("application", "psql", "PostgreSQL JDBC Driver", "pgAdmin 4 - DB:shop", "[unknown]");
                kind("table", "orders", "order_items", "customers", "events", "sessions");
                kind("constraint", "orders_pkey", "customers_email_key", "order_items_pkey");
                kind("session", r -> String.format(Locale.ROOT, "%d:%02d:%02d.%03d", r.nextInt(3), r.nextInt(60),
                        r.nextInt(60), r.nextInt(1000)));
                kind("reason", "time", "wal", "immediate force wait", "shutdown immediate");
                kind("f3", r -> String.format(Locale.ROOT, "%.3f", r.nextDouble() * 30));
                kind("f1", r -> String.format(Locale.ROOT, "%.1f", r.nextDouble() * 100));
                kind("lsn", r -> Integer.toHexString(r.nextInt(64)).toUpperCase(Locale.ROOT) + "/"
                        + Values.hex(r, 8).toUpperCase(Locale.ROOT));
                kind("limit", "10", "20", "50", "100");
                kind("ts", r -> String.format(Locale.ROOT, "2024-01-0%d %02d:%02d:%02d", 1 + r.nextInt(4),
                        r.nextInt(24), r.nextInt(60), r.nextInt(60)));
                st("LOG", "-", "starting PostgreSQL ${=16.1} (Debian ${=16.1-1.pgdg120+1}) on x86_64-pc-linux-gnu,"
                        + " compiled by gcc (Debian ${=12.2.0-14}) ${=12.2.0}, ${=64}-bit").startup();
                st("LOG", "-", "listening on IPv4 address \"${=0.0.0.0}\", port ${=5432}").startup();
                st("LOG", "-", "listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"").startup();
                st("LOG", "-", "database system was shut down at ${ts} UTC").startup();
                st("LOG", "-", "database system is ready to accept connections").startup();
                st("LOG", "-", "checkpoint starting: ${reason}");
                st("LOG", "-", "checkpoint complete: wrote ${int} buffers (${f1}%); ${small} WAL file(s) added,"
                        + " ${small} removed, ${small} recycled; write=${f3} s, sync=${f3} s, total=${f3} s; sync"
                        + " files=${int}, longest=${f3} s, average=${f3} s; distance=${int} kB, estimate=${int} kB;"
                        + " lsn=${lsn}, redo lsn=${lsn}");
                st("LOG", "-", "connection received: host=${ip} port=${port}");
                st("LOG", "-", "connection authorized: user=${dbuser} database=${database}"
                        + " application_name=${application}");
                st("LOG", "-", "disconnection: session time: ${session} user=${dbuser} database=${database}"
                        + " host=${ip} port=${port}");
                st("LOG", "-", "duration: ${f3} ms  statement: SELECT id, status, total FROM orders WHERE customer_id"
                        + " = ${int} ORDER BY created_at DESC LIMIT ${limit}");
                st("LOG", "-", "duration: ${f3} ms  execute <unnamed>: SELECT * FROM order_items WHERE order_id ="
                        + " $1").dump("parameters");
                st("ERROR", "-", "duplicate key value violates unique constraint \"${constraint}\"").weight(0.3)
                        .dump("duplicate");
                st("ERROR", "-", "relation \"${table}_archive\" does not exist at character ${int}").weight(0.1)
                        .dump("statement");
                st("ERROR", "-", "canceling statement due to statement timeout").weight(0.1).dump("long");
                st("ERROR", "-", "deadlock detected").rare(3).dump("deadlock");
                st("ERROR", "-", "could not serialize access due to concurrent update").weight(0.1).dump("statement");
                st("FATAL", "-", "password authentication failed for user \"${dbuser}\"").weight(0.2).dump("hba");
                st("FATAL", "-", "database \"${database}_test\" does not exist").rare(3);
                st("FATAL", "-", "terminating connection due to administrator command").rare(2);
                st("LOG", "-", "automatic vacuum of table \"${database}.public.${table}\": index scans: ${small}")
                        .dump("vacuum");
                st("LOG", "-", "automatic analyze of table \"${database}.public.${table}\"").dump("analyze");
                st("WARNING", "-", "there is no transaction in progress").weight(0.2);
                st("LOG", "-", "temporary file: path \"base/pgsql_tmp/pgsql_tmp${pid}.${small}\", size ${int}")
                        .weight(0.2).dump("statement");
                st("LOG", "-", "process ${pid} still waiting for ShareLock on transaction ${int} after ${f3} ms")
                        .weight(0.1).dump("lockwait");
            }

            @Override
            void render(Event event, Emitter out) {
                Random r = event.random;
                String prefix = time.format(utc(event.time)) + " UTC [" + (4_000 + r.nextInt(3_000)) + "] ";
                long truth = millis(event.time);
                out.line(prefix + event.statement.level + ":  " + event.message, event.message, truth);
                String dump = event.statement.dump;
                if (dump == null) {
                    return;
                }
                String table = Values.pick(r, "orders", "order_items", "customers");
                int id = r.nextInt(100_000);
                switch (dump) {
                    case "parameters" -> field(out, prefix, truth, "DETAIL", "parameters: $1 = '" + id + "'");
                    case "duplicate" -> {
                        field(out, prefix, truth, "DETAIL", "Key (id)=(" + id + ") already exists.");
                        field(out, prefix, truth, "STATEMENT", "INSERT INTO " + table + " (id, customer_id, total)"
                                + " VALUES (" + id + ", " + r.nextInt(5000) + ", " + r.nextInt(900) + ".00)");
                    }
                    case "statement" -> field(out, prefix, truth, "STATEMENT", "SELECT * FROM " + table
                            + "_archive WHERE id = " + id);
                    case "long" -> {
                        field(out, prefix, truth, "STATEMENT", "SELECT c.id, count(*)");
                        out.more("\t  FROM customers c");
                        out.more("\t  JOIN orders o ON o.customer_id = c.id");
                        out.more("\t WHERE o.created_at > now() - interval '" + (1 + r.nextInt(90)) + " days'");
                        out.more("\t GROUP BY c.id");
                    }
                    case "deadlock" -> {
                        int a = 4_000 + r.nextInt(3_000);
                        int b = 4_000 + r.nextInt(3_000);
                        field(out, prefix, truth, "DETAIL", "Process " + a + " waits for ShareLock on transaction "
                                + id + "; blocked by process " + b + ".");
                        out.more("\tProcess " + b + " waits for ShareLock on transaction " + (id + 7)
                                + "; blocked by process " + a + ".");
                        out.more("\tProcess " + a + ": UPDATE orders SET status = 'paid' WHERE id = " + id);
                        out.more("\tProcess " + b + ": UPDATE orders SET status = 'shipped' WHERE id = " + (id + 1));
                        field(out, prefix, truth, "HINT", "See server log for query details.");
                        field(out, prefix, truth, "CONTEXT", "while updating tuple (" + r.nextInt(900) + ","
                                + r.nextInt(60) + ") in relation \"orders\"");
                        field(out, prefix, truth, "STATEMENT", "UPDATE orders SET status = 'paid' WHERE id = " + id);
                    }
                    case "hba" -> field(out, prefix, truth, "DETAIL", "Connection matched file"
                            + " \"/etc/postgresql/16/main/pg_hba.conf\" line " + (90 + r.nextInt(40))
                            + ": \"host all all 0.0.0.0/0 scram-sha-256\"");
                    case "vacuum" -> {
                        out.more("\tpages: 0 removed, " + r.nextInt(90_000) + " remain, " + r.nextInt(900)
                                + " scanned (" + r.nextInt(100) + ".00% of total)");
                        out.more("\ttuples: " + r.nextInt(9000) + " removed, " + r.nextInt(900_000) + " remain, 0 are"
                                + " dead but not yet removable");
                        out.more(String.format(Locale.ROOT, "\tavg read rate: %.3f MB/s, avg write rate: %.3f MB/s",
                                r.nextDouble() * 50, r.nextDouble() * 20));
                        out.more(String.format(Locale.ROOT, "\tsystem usage: CPU: user: %.2f s, system: %.2f s,"
                                + " elapsed: %.2f s", r.nextDouble(), r.nextDouble(), r.nextDouble() * 5));
                    }
                    case "analyze" -> out.more(String.format(Locale.ROOT, "\tavg read rate: %.3f MB/s, avg write rate:"
                            + " %.3f MB/s", r.nextDouble() * 50, r.nextDouble() * 20));
                    case "lockwait" -> {
                        field(out, prefix, truth, "DETAIL", "Process holding the lock: " + (4_000 + r.nextInt(3_000))
                                + ". Wait queue: " + (4_000 + r.nextInt(3_000)) + ".");
                        field(out, prefix, truth, "CONTEXT", "while locking tuple (" + r.nextInt(900) + ","
                                + r.nextInt(60) + ") in relation \"orders\"");
                        field(out, prefix, truth, "STATEMENT", "SELECT * FROM orders WHERE id = " + id
                                + " FOR UPDATE");
                    }
                    default -> throw new IllegalStateException(dump);
                }
            }

            private void field(Emitter out, String prefix, long truth, String name, String text) {
                out.line(prefix + name + ":  " + text, text, truth);
            }
        };
    }
}
