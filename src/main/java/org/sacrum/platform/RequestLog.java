package org.sacrum.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One structured (JSON) log line per API request: method, path, status, duration, caller. The line is written
 * by a background thread: log handlers write under a lock, and request threads queued on it under load. If the
 * writer falls 10,000 lines behind, lines are dropped rather than slowing requests down (and the drop is logged).
 */
@Provider
@PreMatching
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger("org.sacrum.request");
    private static final String STARTED = RequestLog.class.getName() + ".started";
    private static final AtomicLong DROPPED = new AtomicLong();
    private static final ExecutorService WRITER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "sacrum-request-log");
                thread.setDaemon(true);
                return thread;
            }, (runnable, executor) -> DROPPED.incrementAndGet());

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
        String line = Json.createObjectBuilder()
                .add("method", request.getMethod())
                .add("path", request.getUriInfo().getRequestUri().getRawPath())
                .add("query", query == null ? "" : query)
                .add("status", response.getStatus())
                .add("micros", micros)
                .add("caller", caller == null ? "anonymous" : caller.getName())
                .build().toString();
        WRITER.execute(() -> {
            long dropped = DROPPED.getAndSet(0);
            if (dropped > 0) {
                LOG.warning(dropped + " request log lines were dropped: the log could not keep up");
            }
            LOG.info(line);
        });
    }
}
