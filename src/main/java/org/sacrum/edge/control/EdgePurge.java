package org.sacrum.edge.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.edge.entity.SurrogateKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Tells one configured edge cache (Varnish with xkey, deploy/varnish/) to purge surrogate keys: {@code PURGE /} with
 * the header {@code xkey-purge: k1 k2}. Called by the webhook outbox's dispatcher, which owns claiming, retries and
 * the attempt log; this class only sends one purge and reports it.
 */
@ApplicationScoped
public class EdgePurge {
    private static final Logger LOG = Logger.getLogger(EdgePurge.class.getName());
    /** The request header deploy/varnish/sacrum.vcl reads the keys from. */
    public static final String PURGE_HEADER = "xkey-purge";
    static final int SNIPPET_CHARS = 200;

    /** One purge request's outcome: HTTP status (0 when no answer), latency, a short snippet of the answer. */
    public record Attempt(int status, long latencyMillis, String snippet) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    @Inject
    @ConfigProperty(name = "sacrum.edge.purge-urls")
    Optional<String> purgeUrls = Optional.empty();
    @Inject
    @ConfigProperty(name = "sacrum.edge.connect-timeout-millis", defaultValue = "1000")
    long connectTimeoutMillis;
    @Inject
    @ConfigProperty(name = "sacrum.edge.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    private List<URI> edges = List.of();
    private HttpClient client;

    public EdgePurge() {
    }

    /** For tests and tools outside the container. */
    public EdgePurge(String purgeUrls, long connectTimeoutMillis, long timeoutMillis) {
        this.purgeUrls = Optional.ofNullable(purgeUrls);
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.timeoutMillis = timeoutMillis;
        configure();
    }

    @PostConstruct
    void configure() {
        edges = parse(purgeUrls.orElse(""));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.max(1, connectTimeoutMillis)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (!edges.isEmpty()) {
            LOG.info("Edge caches purged on publication and withdrawal: " + edges);
        }
    }

    /** The edges configured (sacrum.edge.purge-urls, comma-separated http(s) URLs); empty when none. */
    public List<URI> edges() {
        return edges;
    }

    /** Sends one purge of {@code keys} to {@code edge}; never throws on network failure (status 0). */
    public Attempt purge(URI edge, Set<String> keys) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(edge).timeout(Duration.ofMillis(Math.max(1, timeoutMillis)))
                    .header(PURGE_HEADER, SurrogateKeys.header(keys))
                    .method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
            // the request timeout ends at the headers; the whole exchange, body included, is bounded here
            CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> response = exchange.get(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
                return new Attempt(response.statusCode(), millisSince(started), snippet(response.body()));
            } finally {
                exchange.cancel(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, millisSince(started), "interrupted");
        } catch (ExecutionException e) { // refused, reset, timed out: the dispatcher retries
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Attempt(0, millisSince(started), snippet(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (TimeoutException | RuntimeException e) { // a slow answer, a bad URL or header
            return new Attempt(0, millisSince(started), snippet(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** The configured URLs: comma-separated, blanks skipped, anything but an absolute http(s) URL left out (logged). */
    static List<URI> parse(String urls) {
        List<URI> parsed = new ArrayList<>();
        for (String part : (urls == null ? "" : urls).split(",")) {
            String url = part.strip();
            if (url.isEmpty()) {
                continue;
            }
            Optional<URI> uri = httpUri(url);
            if (uri.isPresent()) {
                parsed.add(uri.get());
            } else {
                LOG.warning("sacrum.edge.purge-urls: '" + url + "' is not an http(s) URL with a host; ignored");
            }
        }
        return List.copyOf(parsed);
    }

    private static Optional<URI> httpUri(String url) {
        try {
            URI uri = URI.create(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** At most {@link #SNIPPET_CHARS} characters on one line. */
    static String snippet(String text) {
        String line = String.valueOf(text).replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= SNIPPET_CHARS ? line : line.substring(0, SNIPPET_CHARS - 1) + "…";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
