package dev.rca.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ProxyPeerAddressHandler;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Takes the client's address and scheme from a reverse proxy's {@code X-Forwarded-*} headers, but only when the
 * connection comes from one of the configured proxies ({@code rca.http.trusted-proxies}, addresses as the server sees
 * them): from anyone else those headers are ignored, so a client cannot choose the address its sign-in throttle and
 * logs see, nor make the server believe a plain request came over TLS. Undertow's {@link ProxyPeerAddressHandler}
 * does the rewriting; this decides when it may.
 */
final class TrustedProxies implements HttpHandler {

    private final HttpHandler next;
    private final HttpHandler forwarded;
    private final Set<String> proxies;

    TrustedProxies(HttpHandler next, Set<String> proxies) {
        this.next = next;
        this.forwarded = new ProxyPeerAddressHandler(next);
        this.proxies = proxies;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetSocketAddress peer = exchange.getConnection().getPeerAddress(InetSocketAddress.class);
        if (peer != null && proxies.contains(peer.getAddress().getHostAddress())) {
            forwarded.handleRequest(exchange);
        } else {
            next.handleRequest(exchange);
        }
    }
}
