package dev.rca.web;

import jakarta.inject.Inject;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Makes the HTTP layer's body limits follow the one upload limit, {@code rca.upload.max-bytes}: the admin UI's
 * upload form (the Faces servlet's multipart configuration) takes at most that per file, and a Undertow
 * {@code max-post-size} ({@code rca.http.max-post-size}, deploy/wildfly/undertow.cli) that would cut an upload
 * before the application can answer 413 with its JSON error stops the deployment with a message saying so.
 */
@WebListener
public class UploadLimitsListener implements ServletContextListener {

    static final String FACES_SERVLET = "Faces Servlet";
    /** The form's other fields (tenant, CSRF token, view state) on top of the file. */
    static final long FORM_FIELDS_BYTES = 64 * 1024;
    /** Above this a form's file goes to a temporary file, so that no upload is held whole in memory. */
    static final int IN_MEMORY_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(UploadLimitsListener.class.getName());

    @Inject
    @ConfigProperty(name = "rca.upload.max-bytes")
    long maxUploadBytes;

    @Inject
    @ConfigProperty(name = "rca.http.max-post-size", defaultValue = "1073741824")
    long maxPostSize;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        check(maxUploadBytes, maxPostSize);
        ServletRegistration faces = event.getServletContext().getServletRegistration(FACES_SERVLET);
        ((ServletRegistration.Dynamic) faces).setMultipartConfig(new MultipartConfigElement(null, maxUploadBytes,
                maxUploadBytes + FORM_FIELDS_BYTES, IN_MEMORY_BYTES));
        LOG.info(() -> "upload limit " + maxUploadBytes + " bytes for the API and the admin UI's form; Undertow's"
                + " max-post-size " + maxPostSize);
    }

    /** @throws IllegalStateException when Undertow would cut uploads the application accepts */
    static void check(long maxUploadBytes, long maxPostSize) {
        if (maxPostSize <= maxUploadBytes) {
            throw new IllegalStateException("rca.http.max-post-size (" + maxPostSize + ", Undertow's body limit) must"
                    + " be above rca.upload.max-bytes (" + maxUploadBytes + "): Undertow would cut larger uploads"
                    + " without the application's 413 answer. Raise rca.http.max-post-size or lower"
                    + " rca.upload.max-bytes.");
        }
    }
}
