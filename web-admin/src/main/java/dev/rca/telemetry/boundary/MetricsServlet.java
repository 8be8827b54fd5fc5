package dev.rca.telemetry.boundary;

import io.prometheus.client.exporter.common.TextFormat;
import io.smallrye.metrics.SharedMetricRegistries;
import io.smallrye.metrics.exporters.PrometheusMetricsExporter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /metrics}: the application scope in Prometheus text format, written by SmallRye Metrics' own exporter
 * (the base scope's JVM metrics stay on WildFly's management port). No credentials needed; gzip when asked for,
 * by the server's filter (deploy/wildfly/metrics.cli).
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try {
            SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE);
            body = new PrometheusMetricsExporter().exportOneScope(MetricRegistry.APPLICATION_SCOPE)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the Prometheus exporter failed to render the application scope for "
                    + request.getRemoteAddr() + "; /metrics answers 500 until this is fixed", e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "metrics exporter failed; see server log");
            return;
        }
        response.setContentType(TextFormat.CONTENT_TYPE_004);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
