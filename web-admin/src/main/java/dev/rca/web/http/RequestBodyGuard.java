package dev.rca.web.http;

import dev.rca.web.api.ErrorResponse;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.RequestBufferingHandler;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps slow request bodies off the worker threads. A worker thread that reads a body blocks for as long as the
 * client takes to send it, and a client that sends one byte a second never trips a read timeout: a few dozen such
 * connections would hold every worker and hang the whole port. So before a request reaches a servlet, its body is
 * read on the I/O thread without blocking (Undertow's {@link RequestBufferingHandler}), and it must be complete
 * within a deadline; a request still sending its body then is cut off. Bodies that may be large (the two upload
 * paths) are streamed as before; the ingest stage holds them to a minimum data rate instead
 * ({@code rca.upload.min-bytes-per-second}).
 * <ul>
 *     <li>a body declared larger than {@code rca.http.max-buffered-body-bytes}: 413 with the JSON error, unread;</li>
 *     <li>a chunked body without a declared length: 411, since its size cannot be checked before it is read;</li>
 *     <li>a body not complete after {@code rca.http.body-timeout-seconds}: the connection is closed, one log line.</li>
 * </ul>
 */
final class RequestBodyGuard implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(RequestBodyGuard.class.getName());
    /** The paths whose bodies are uploads: streamed to the ingest stage, never buffered whole. */
    static final Pattern STREAMED = Pattern.compile("/api/tenants/[^/]+/uploads/?|/admin/uploads/new\\.xhtml");

    private final HttpHandler next;
    private final long maxBufferedBytes;
    private final long timeoutMillis;

    RequestBodyGuard(HttpHandler next, long maxBufferedBytes, long timeoutMillis) {
        this.next = next;
        this.maxBufferedBytes = maxBufferedBytes;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isInIoThread() || !hasBody(exchange) || STREAMED.matcher(exchange.getRequestPath()).matches()) {
            next.handleRequest(exchange);
            return;
        }
        long length = exchange.getRequestContentLength();
        if (length < 0) {
            refuse(exchange, StatusCodes.LENGTH_REQUIRED, "length_required", "a request body to "
                    + exchange.getRequestPath() + " needs a Content-Length; only uploads may be sent chunked");
            return;
        }
        if (length > maxBufferedBytes) {
            refuse(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, "body_too_large", "a request body to "
                    + exchange.getRequestPath() + " may have at most " + maxBufferedBytes + " bytes; this one declares "
                    + length + " (rca.http.max-buffered-body-bytes)");
            return;
        }
        int bufferBytes = exchange.getConnection().getByteBufferPool().getBufferSize();
        HttpHandler buffering = new RequestBufferingHandler(new Deadline(exchange), (int) (length / bufferBytes) + 1);
        if (!HttpContinue.requiresContinueResponse(exchange)) {
            buffering.handleRequest(exchange);
            return;
        }
        // The buffering handler would leave a body announced with "Expect: 100-continue" to a worker thread: answer
        // the expectation here, without blocking, and buffer what follows like any other body.
        HttpContinue.sendContinueResponse(exchange, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange continued, Sender sender) {
                continued.getRequestHeaders().remove(Headers.EXPECT);
                try {
                    buffering.handleRequest(continued);
                } catch (Exception e) {
                    onException(continued, sender, new IOException(e));
                }
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException e) {
                IoUtils.safeClose(failed.getConnection());
            }
        });
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    private static void refuse(HttpServerExchange exchange, int status, String error, String message) {
        exchange.setStatusCode(status);
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(new ErrorResponse(error, message,
                Map.of("path", exchange.getRequestPath())).toJson());
    }

    /**
     * Runs the rest of the chain once the body is in (cancelling the deadline), unless the deadline came first and cut
     * the connection. Both run on the exchange's I/O thread, so they never race.
     */
    private final class Deadline implements HttpHandler, Runnable {

        private final HttpServerExchange exchange;
        private final XnioExecutor.Key key;
        private boolean cut;

        Deadline(HttpServerExchange exchange) {
            this.exchange = exchange;
            key = exchange.getIoThread().executeAfter(this, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void handleRequest(HttpServerExchange buffered) throws Exception {
            if (cut) {
                return;
            }
            key.remove();
            next.handleRequest(buffered);
        }

        @Override
        public void run() {
            cut = true;
            LOG.info(() -> "closed the connection of " + exchange.getSourceAddress() + ": its " + exchange.getRequestMethod()
                    + " " + exchange.getRequestPath() + " had not sent its body within " + timeoutMillis + " ms"
                    + " (rca.http.body-timeout-seconds)");
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
