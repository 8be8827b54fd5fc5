package dev.rca.web;

import dev.rca.web.api.ErrorResponse;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.ParameterLimitException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The product's own answer to every error the servlet layer sees (web.xml's default error page): an exception no
 * other layer handled, or a status sent with {@code sendError}. API and {@code /metrics} callers get the API's JSON
 * error, browsers a short page; neither ever gets a stack trace or a server version, whatever the client's address.
 * An unexpected exception is logged in full under a reference the answer gives.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    /** The status and the body an error is answered with. */
    record Answer(int status, ErrorResponse body) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Answer answer = exception == null ? forStatus(code instanceof Integer status ? status : 500, path)
                : forException(exception, path);
        write(request, response, answer, path);
    }

    /** Writes {@code answer} for a request to {@code path}: JSON for the API and {@code /metrics}, else a page. */
    static void write(HttpServletRequest request, HttpServletResponse response, Answer answer, String path)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/metrics")) {
            response.setContentType("application/json");
            response.getWriter().write(answer.body().toJson());
        } else {
            response.setContentType("text/html");
            response.getWriter().write(page(request.getContextPath(), answer));
        }
    }

    static Answer forException(Throwable exception, String path) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParameterLimitException) {
                return new Answer(413, new ErrorResponse("too_many_parameters", "the request has more parameters"
                        + " than the server reads (max-parameters, deploy/wildfly/undertow.cli); nothing was done",
                        Map.of("path", path)));
            }
            if (cause instanceof RequestTooBigException) {
                return forStatus(413, path);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error on " + path + ", reference " + reference, exception);
        return new Answer(500, new ErrorResponse("internal_error", "the server failed unexpectedly; its log has the"
                + " details under reference " + reference, Map.of("reference", reference)));
    }

    static Answer forStatus(int status, String path) {
        Map<String, Object> where = Map.of("path", path);
        return new Answer(status, switch (status) {
            case 400 -> new ErrorResponse("invalid_request", "the request is malformed", where);
            case 401 -> new ErrorResponse("unauthorized", "credentials are missing or wrong", where);
            case 403 -> new ErrorResponse("forbidden", "this is not allowed for these credentials", where);
            case 404 -> new ErrorResponse("not_found", "there is nothing at this address", where);
            case 405 -> new ErrorResponse("method_not_allowed", "this address does not take that method", where);
            case 413 -> new ErrorResponse("body_too_large", "the request body is larger than the server reads;"
                    + " nothing was done", where);
            case 503 -> new ErrorResponse("unavailable", "the server cannot answer now; try again later", where);
            default -> new ErrorResponse(status >= 500 ? "internal_error" : "invalid_request",
                    "the request failed with status " + status, where);
        });
    }

    /** The page for a browser: the messages above are the server's own sentences, never the request's text. */
    private static String page(String contextPath, Answer answer) {
        String message = answer.body().message();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/><title>" + answer.status()
                + " · RCA Pipeline</title><link rel=\"stylesheet\" href=\"" + contextPath
                + "/jakarta.faces.resource/admin.css.xhtml?ln=rca\"/></head><body><main id=\"content\">"
                + "<h1>" + answer.status() + "</h1><p id=\"error-message\">"
                + Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".</p>"
                + "<p><a href=\"" + contextPath + "/admin/\">Go to the admin UI</a></p></main></body></html>\n";
    }
}
