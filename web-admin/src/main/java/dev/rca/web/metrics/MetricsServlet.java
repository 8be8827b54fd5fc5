package dev.rca.web.metrics;

import dev.rca.web.api.ErrorResponse;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.smallrye.metrics.SharedMetricRegistries;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /metrics}: the application's series in Prometheus text format, written by the Prometheus client library
 * behind SmallRye Metrics straight to the response (the base scope's JVM metrics stay on WildFly's management port).
 * Open by default (an install bound to 127.0.0.1); with {@code rca.metrics.scrape-token} set, a scrape needs
 * {@code Authorization: Bearer <token>} (Prometheus' {@code authorization} setting) and anything else gets 401: read on
 * every scrape, so the token can be changed without a restart (docs/operations.md, Security). Gzip when asked for,
 * by the server's filter (deploy/wildfly/metrics.cli).
 * <p>
 * SmallRye's own {@code exportOneScope} renders every scope into one String and filters it with regular
 * expressions, which cost most of the time of a scrape with 1,000 tenants enabled; here the client library
 * selects the application's families by their common prefix and streams them (docs/benchmarks.md).
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    /** Every series the application exports starts with this (see TelemetryMetrics); the base scope's do not. */
    static final String APPLICATION_PREFIX = "rca_";
    static final int BUFFER_CHARS = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());

    static final String TOKEN_KEY = "rca.metrics.scrape-token";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = ConfigProvider.getConfig().getOptionalValue(TOKEN_KEY, String.class);
        if (token.isPresent() && !authorized(request.getHeader("Authorization"), token.get())) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(new ErrorResponse("unauthorized", "this server's /metrics needs the scrape token"
                    + " (" + TOKEN_KEY + ") as Authorization: Bearer", Map.of()).toJson());
            return;
        }
        PrometheusMeterRegistry prometheus;
        try {
            SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
            prometheus = Metrics.globalRegistry.getRegistries().stream()
                    .filter(PrometheusMeterRegistry.class::isInstance)
                    .map(PrometheusMeterRegistry.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("SmallRye Metrics registered no Prometheus registry"));
        } catch (RuntimeException e) {
            fail(request, response, e);
            return;
        }
        response.setContentType(TextFormat.CONTENT_TYPE_004);
        // The client library writes label by label and character by character: buffered, without a lock per
        // character, those are memory copies instead of servlet writes.
        Writer writer = new ScrapeWriter(response.getWriter(), BUFFER_CHARS);
        try {
            TextFormat.write004(writer, prometheus.getPrometheusRegistry()
                    .filteredMetricFamilySamples(name -> name.startsWith(APPLICATION_PREFIX)));
            writer.flush();
        } catch (RuntimeException e) {
            fail(request, response, e);
        }
    }

    /** Compared in constant time, so the answer's timing tells nothing about the token. */
    static boolean authorized(String header, String token) {
        String prefix = "Bearer ";
        return header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        LOG.log(Level.SEVERE, "the Prometheus exporter failed to render /metrics for " + request.getRemoteAddr()
                + "; /metrics answers 500 until this is fixed", e);
        if (!response.isCommitted()) {
            response.reset();
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "metrics exporter failed; see server log");
        }
    }
}
