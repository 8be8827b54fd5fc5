package dev.rca.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Reads a form's parameters before any servlet does, so that a form with more of them than Undertow reads
 * ({@code max-parameters}) is answered by the product's 413 page here, quietly, rather than thrown out of the
 * servlet, where the server logs it as an ERROR with a stack trace. The request body guard has already buffered the
 * body, so reading it here costs nothing more; other bodies (multipart uploads, JSON) are not touched.
 */
@WebFilter(filterName = "FormParameterLimit", urlPatterns = "/*")
public class FormParameterLimit extends HttpFilter {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, FORM, 0, FORM.length())) {
            try {
                request.getParameterMap();
            } catch (RuntimeException unreadable) {
                String path = request.getRequestURI();
                ErrorPageServlet.write(request, response, ErrorPageServlet.forException(unreadable, path), path);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
