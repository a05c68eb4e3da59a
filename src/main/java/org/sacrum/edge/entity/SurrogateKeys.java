package org.sacrum.edge.entity;

import java.util.Set;

/**
 * The surrogate keys (Varnish xkey) that tag delivery responses and that a change purges. Contract between the
 * delivery responses (which carry them) and the edge purge fed by the webhook outbox (which purges them).
 */
public final class SurrogateKeys {
    private SurrogateKeys() {
    }

    /** The keys a change of one entry (publication or withdrawal) must purge: the entry, its type and its lists. */
    public static Set<String> ofChange(String type, String slug, String locale) {
        // filled in by the edge work (#15 part 4)
        return Set.of("entry:" + type + "/" + slug, "type:" + type, "list:" + type, "changes");
    }
}
