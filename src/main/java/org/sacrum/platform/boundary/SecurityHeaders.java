package org.sacrum.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Browser-facing security headers on every response of the WAR: nosniff, no referrer, no framing, a Content
 * Security Policy (strict for the console and the API explorer, "nothing at all" for JSON), and no caching of management responses.
 * Declared in web.xml, not by annotation, so that it runs before every annotated filter (the delivery cache
 * answers hits without calling the rest of the chain). The delivery API keeps its own public caching headers.
 */
public class SecurityHeaders extends HttpFilter {
    /** The console loads only its own scripts and styles: no inline script or style, no eval, no other origin. */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** JSON and error responses: a browser that opens one directly runs and loads nothing. */
    static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", isPage(path) ? CONSOLE_POLICY : API_POLICY);
        if (path.startsWith("/api/manage")) {
            response.setHeader("Cache-Control", "no-store, private");
        }
        chain.doFilter(request, response);
    }

    /** The console and the API explorer (Swagger UI from its webjar) are pages: their own scripts and styles only. */
    static boolean isPage(String path) {
        return path.startsWith("/console") || path.startsWith("/openapi/ui") || path.startsWith("/webjars/swagger-ui/");
    }
}
