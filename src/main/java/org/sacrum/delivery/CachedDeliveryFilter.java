package org.sacrum.delivery;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.platform.RequestLog;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Answers a public delivery read from {@link ResponseCache} before JAX-RS when the cache holds it. On a cached
 * read, request matching, CDI and building the response cost most of the time (profiled: about 70%), so a hit
 * is sent from here with the headers and body bytes prepared when it was cached. A miss, a preview or any other
 * method goes on to {@link DeliveryResource}, which renders the response and caches it. Every response here,
 * errors included, carries the cross-origin headers of {@link DeliveryCors}.
 */
@WebFilter(urlPatterns = "/api/v1/*", asyncSupported = true)
public class CachedDeliveryFilter extends HttpFilter {
    @Inject
    ResponseCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DeliveryCors.allow(response);
        if ("OPTIONS".equals(request.getMethod())) {
            DeliveryCors.answerPreflight(response);
            return;
        }
        if (!"GET".equals(request.getMethod()) || request.getParameter("preview") != null) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String mediaType = JsonLd.requested(request.getParameter("format"), request.getHeader("Accept"))
                ? JsonLd.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        Optional<Wire> hit = cache.wire(ResponseCache.key(path, query, mediaType));
        if (hit.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Wire wire = hit.get();
        int status = wire.send(response, wire.notModified(request.getHeader("If-None-Match"),
                request.getHeader("If-Modified-Since")), "hit");
        Principal caller = request.getUserPrincipal();
        RequestLog.record("GET", path, query, status, (System.nanoTime() - started) / 1000,
                caller == null ? null : caller.getName());
    }
}
