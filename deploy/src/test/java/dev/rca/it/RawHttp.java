package dev.rca.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/1.1 written by hand on a socket: for requests no client library sends (a body that never arrives, a lying
 * length) and for connections from a chosen loopback address (127.0.0.2 is the test server's trusted proxy).
 */
final class RawHttp {

    private final URL base;
    private final Duration answer;

    RawHttp(URL base, Duration answer) {
        this.base = base;
        this.answer = answer;
    }

    /** A connection to the server, from {@code from} (a loopback address) or the default one. */
    Socket connect(InetAddress from) throws IOException {
        Socket socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout((int) answer.toMillis());
        return socket;
    }

    /** Sends {@code request} as written and reads the answer (status, headers, body) until the server closes. */
    Api.Response send(InetAddress from, String request) throws IOException {
        try (Socket socket = connect(from)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return parse(socket.getInputStream().readAllBytes());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer to " + request.lines().findFirst().orElse(""), e);
        }
    }

    static Api.Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "an HTTP answer: " + text);
        List<String> head = text.substring(0, end).lines().toList();
        Map<String, List<String>> headers = head.stream().skip(1).filter(line -> line.indexOf(':') > 0)
                .collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf(':')).trim(),
                        Collectors.mapping(line -> line.substring(line.indexOf(':') + 1).trim(), Collectors.toList())));
        return new Api.Response(Integer.parseInt(head.get(0).split(" ")[1]),
                HttpHeaders.of(headers, (name, value) -> true), text.substring(end + 4));
    }
}
