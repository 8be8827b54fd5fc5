package dev.rca.web.http;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Puts {@link TrustedProxies} and {@link RequestBodyGuard} in front of this web application, before the servlet layer takes a worker thread
 * (Undertow's initial handler chain; registered in META-INF/services). Its limits are MicroProfile Config keys
 * (docs/configuration.md), read once at deployment.
 */
public class RequestBodyGuardExtension implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(RequestBodyGuardExtension.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Config config = ConfigProvider.getConfig(deployment.getClassLoader());
        long maxBytes = config.getValue("rca.http.max-buffered-body-bytes", Long.class);
        long timeoutMillis = TimeUnit.SECONDS.toMillis(config.getValue("rca.http.body-timeout-seconds", Long.class));
        Set<String> proxies = config.getOptionalValues("rca.http.trusted-proxies", String.class)
                .map(Set::copyOf).orElse(Set.of());
        // Outermost first: the client's address and scheme are known before anything else looks at them.
        deployment.addInitialHandlerChainWrapper(next -> new RequestBodyGuard(next, maxBytes, timeoutMillis));
        deployment.addInitialHandlerChainWrapper(next -> new TrustedProxies(next, proxies));
        LOG.info(() -> "X-Forwarded-For/-Proto/-Host/-Port taken only from " + (proxies.isEmpty() ? "no address"
                + " (rca.http.trusted-proxies is empty)" : proxies));
        LOG.info(() -> "request bodies other than uploads: at most " + maxBytes + " bytes, read before dispatch within "
                + timeoutMillis + " ms");
    }
}
