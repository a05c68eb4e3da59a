package org.sacrum.entries.entity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads one entry's publication history at an instant: what the public saw then, or what it had seen last. */
public final class PublicationTimeline {
    private PublicationTimeline() {
    }

    /** The interval public at the instant (a republication at exactly that instant counts as the new one). */
    public static Optional<Publication> shownAt(List<Publication> rows, Instant at) {
        return rows.stream().filter(r -> r.publicAt(at)).max(Comparator.comparing(Publication::publishedAt));
    }

    /**
     * The interval the public saw last before the instant when none is public at it: a withdrawn entry (410 then);
     * empty when it had never been public by then (404 then, like a slug that never existed).
     */
    public static Optional<Publication> withdrawnBy(List<Publication> rows, Instant at) {
        if (shownAt(rows, at).isPresent()) {
            return Optional.empty();
        }
        return rows.stream().filter(r -> !r.publishedAt().isAfter(at))
                .max(Comparator.comparing(Publication::publishedAt).thenComparing(Publication::id));
    }
}
