package org.sacrum.platform.boundary;

import org.sacrum.platform.control.Json;

import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.io.StringWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One structured (JSON) line per API request: method, path, query (credential values redacted), status, duration, caller. Request threads
 * only queue the facts and wake nobody; every {@value #FLUSH_MILLIS} ms a background thread formats what queued and
 * hands it to the log in batches, one log record per batch of up to {@value #BATCH} lines, because the server's log
 * formatter, run once per line, cost more than a cached delivery read (and waking the writer for every line cost
 * a cached read 7%: profiled with async-profiler, deploy/bench/README.md). If {@value #BACKLOG} lines queue within
 * one interval, further lines are dropped rather than slowing requests down, and the drop is logged. The writer
 * stops, after writing what is queued, when Sacrum is undeployed.
 */
@Provider
@PreMatching
@WebListener
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter, ServletContextListener {
    private static final Logger LOG = Logger.getLogger("org.sacrum.request");
    private static final String STARTED = RequestLog.class.getName() + ".started";
    private static final int BATCH = 200;
    /** How long lines wait to be written: a line appears in the log at most this much after its request. */
    private static final long FLUSH_MILLIS = 100;
    private static final int BACKLOG = 10_000;
    private static final BlockingQueue<Line> QUEUE = new ArrayBlockingQueue<>(BACKLOG);
    private static final AtomicLong DROPPED = new AtomicLong();
    private static volatile Thread writer;

    record Line(String method, String path, String query, int status, long micros, String caller) {
        /** Writes this line as one JSON object, its strings escaped by JSON-P. */
        void writeTo(Writer out) {
            try (JsonGenerator json = Json.createGenerator(out)) {
                json.writeStartObject().write("method", method).write("path", path).write("query", redact(query))
                        .write("status", status).write("micros", micros).write("caller", caller == null ? "anonymous" : caller)
                        .writeEnd();
            }
        }
    }

    /** Query parameters whose values can be credentials; their values never reach the log. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("token", "access_token", "password", "key", "secret", "signature", "code");

    /** The raw query with the value of every credential-carrying parameter (any case, even percent-encoded names) as REDACTED. */
    static String redact(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder redacted = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            redacted.append(redacted.isEmpty() ? "" : "&");
            if (equals >= 0 && SECRET_PARAMETERS.contains(decode(name).toLowerCase(Locale.ROOT))) {
                redacted.append(name).append("=REDACTED");
            } else {
                redacted.append(pair);
            }
        }
        return redacted.toString();
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Thread thread = new Thread(RequestLog::write, "sacrum-request-log");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        record(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), response.getStatus(),
                started instanceof Long s ? (System.nanoTime() - s) / 1000 : -1, caller == null ? null : caller.getName());
    }

    /** Queues one request's line for the writer. */
    public static void record(String method, String path, String query, int status, long micros, String caller) {
        if (!QUEUE.offer(new Line(method, path, query, status, micros, caller))) {
            DROPPED.incrementAndGet();
        }
    }

    private static void write() {
        List<Line> batch = new ArrayList<>(BATCH);
        boolean running = true;
        while (running) {
            try {
                Thread.sleep(FLUSH_MILLIS); // polled, not signalled: a request never pays for waking this thread
            } catch (InterruptedException e) {
                running = false; // undeployed: write what is queued, then stop
            }
            while (QUEUE.drainTo(batch, BATCH) > 0) {
                StringWriter lines = new StringWriter(batch.size() * 160);
                for (Line line : batch) {
                    if (lines.getBuffer().length() > 0) {
                        lines.append('\n');
                    }
                    line.writeTo(lines);
                }
                batch.clear();
                LOG.info(lines.toString());
            }
            long dropped = DROPPED.getAndSet(0);
            if (dropped > 0) {
                LOG.warning(dropped + " request log lines were dropped: the log could not keep up");
            }
        }
    }
}
