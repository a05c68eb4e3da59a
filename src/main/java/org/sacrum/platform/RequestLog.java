package org.sacrum.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.logging.Logger;

/** One structured (JSON) log line per API request: method, path, status, duration, caller. */
@Provider
@PreMatching
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger("org.sacrum.request");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long s ? (System.nanoTime() - s) / 1000 : -1;
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        LOG.info(() -> Json.createObjectBuilder()
                .add("method", request.getMethod())
                .add("path", request.getUriInfo().getRequestUri().getRawPath())
                .add("query", query == null ? "" : query)
                .add("status", response.getStatus())
                .add("micros", micros)
                .add("caller", caller == null ? "anonymous" : caller.getName())
                .build().toString());
    }
}
