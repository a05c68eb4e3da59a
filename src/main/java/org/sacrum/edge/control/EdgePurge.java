package org.sacrum.edge.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Tells one configured edge cache (Varnish with xkey) to purge surrogate keys. Called by the webhook outbox's
 * dispatcher, which owns claiming, retries and the attempt log; this class only sends one purge and reports it.
 */
@ApplicationScoped
public class EdgePurge {

    /** One purge request's outcome: HTTP status (0 when no answer), latency, a short snippet of the answer. */
    public record Attempt(int status, long latencyMillis, String snippet) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** The edges configured (sacrum.edge.purge-urls, comma-separated); empty when none. */
    public List<URI> edges() {
        // filled in by the edge work (#15 part 4)
        return List.of();
    }

    /** Sends one purge of {@code keys} to {@code edge}; never throws on network failure (status 0). */
    public Attempt purge(URI edge, Set<String> keys) {
        // filled in by the edge work (#15 part 4)
        return new Attempt(0, 0, "edge purge not implemented");
    }
}
