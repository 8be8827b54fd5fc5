package dev.rca.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Slow clients held for a while: CONNECTIONS connections that each announce a 60,000-byte sign-in form and send one
 * byte a second, kept at that number for SECONDS (a connection the server cuts is opened again at once), while one
 * request a second to each of /metrics, /api/admin/tenants and the sign-in page measures what everyone else gets.
 * Prints, every 10 s, the slowest of those requests and the connections cut so far; at the end the median and the
 * slowest, how many slow connections were opened and cut, and the longest a slow connection lived. Never fails on a
 * figure. Run with deploy/benchmark.sh slow-clients [BASE_URL [CONNECTIONS [SECONDS]]], ADMIN_TOKEN set.
 */
public final class SlowClientsBenchmark {

    private static final byte[] HEAD = ("POST /admin/sign-in.xhtml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
            + " application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** One slow connection and when it was opened. */
    private record Slow(Socket socket, long openedAt) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        String token = System.getenv("ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set ADMIN_TOKEN to an admin token of the server");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Slow> slow = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        int opened = 0;
        int cut = 0;
        long longestLife = 0;
        double windowSlowest = 0;
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d slow connections for %d s against %s%n", connections, seconds, base);
        for (int second = 1; second <= seconds; second++) {
            for (int i = 0; i < slow.size(); i++) {
                Slow connection = slow.get(i);
                if (closedByServer(connection.socket()) || !trickle(connection.socket())) {
                    cut++;
                    longestLife = Math.max(longestLife, System.nanoTime() - connection.openedAt());
                    connection.socket().close();
                    slow.remove(i--);
                }
            }
            while (slow.size() < connections) {
                slow.add(open(base));
                opened++;
            }
            for (String path : List.of("metrics", "api/admin/tenants", "admin/sign-in.xhtml")) {
                long started = System.nanoTime();
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                double took = (System.nanoTime() - started) / 1e9;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.statusCode());
                }
                latencies.add(took);
                windowSlowest = Math.max(windowSlowest, took);
            }
            if (second % 10 == 0) {
                System.out.printf(Locale.ROOT, "%5d s: slowest other request %.3f s, slow connections cut so far %d%n",
                        second, windowSlowest, cut);
                windowSlowest = 0;
            }
            long next = start + Duration.ofSeconds(second).toNanos();
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        for (Slow connection : slow) {
            longestLife = Math.max(longestLife, System.nanoTime() - connection.openedAt());
            connection.socket().close();
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "other requests: %d, median %.3f s, slowest %.3f s; slow connections opened %d,"
                        + " cut by the server %d, longest lived %.1f s%n", latencies.size(),
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1), opened, cut,
                longestLife / 1e9);
    }

    private static Slow open(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.getOutputStream().write(HEAD);
        return new Slow(socket, System.nanoTime());
    }

    private static boolean trickle(Socket socket) {
        try {
            socket.getOutputStream().write('a');
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** True when the server has answered or closed: a read gets an answer or the end instead of waiting. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(1);
        try {
            socket.getInputStream().read();
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private SlowClientsBenchmark() {
    }
}
