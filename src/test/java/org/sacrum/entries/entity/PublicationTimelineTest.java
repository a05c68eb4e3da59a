package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicationTimelineTest {
    private static final Entry ENTRY = new Entry(ContentType.EXERCISE, "cat-cow", "en-GB", false, State.DRAFT);
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant T4 = Instant.parse("2026-03-04T10:00:00Z");

    /** r1 public from T1, replaced by r2 at T2, r2 withdrawn (superseded) at T3, r3 published at T4. */
    private static List<Publication> history() {
        Publication r1 = new Publication(10, ENTRY, 1, "h1", "a1", T1);
        r1.replaced(T2);
        Publication r2 = new Publication(20, ENTRY, 2, "h2", "a2", T2);
        r2.withdrawn(T3, 30, new Withdrawal(WithdrawalCategory.SUPERSEDED, "old", "new-slug"));
        Publication r3 = new Publication(40, ENTRY, 3, "h3", "a3", T4);
        return List.of(r1, r2, r3);
    }

    private static Optional<Integer> shown(Instant at) {
        return PublicationTimeline.shownAt(history(), at).map(Publication::revisionNumber);
    }

    private static Optional<Integer> withdrawn(Instant at) {
        return PublicationTimeline.withdrawnBy(history(), at).map(Publication::revisionNumber);
    }

    @Test
    void whichRevisionWasPublicWhen() {
        assertEquals(Optional.empty(), shown(T1.minusMillis(1)));
        assertEquals(Optional.of(1), shown(T1), "public from the instant of publication");
        assertEquals(Optional.of(1), shown(T2.minusMillis(1)));
        assertEquals(Optional.of(2), shown(T2), "a republication at an instant shows the new revision at it");
        assertEquals(Optional.empty(), shown(T3), "withdrawn at the instant of withdrawal");
        assertEquals(Optional.of(3), shown(T4.plusSeconds(3600)));
    }

    @Test
    void neverPublishedByThenIsNotWithdrawn() {
        assertEquals(Optional.empty(), withdrawn(T1.minusSeconds(1)), "404 then, like a slug that never existed");
        assertEquals(Optional.empty(), withdrawn(T2), "public then: neither");
        assertEquals(Optional.of(2), withdrawn(T3), "410 then: the withdrawn revision with its category");
        assertEquals(Optional.of(2), withdrawn(T4.minusMillis(1)));
        assertEquals(Optional.empty(), withdrawn(T4), "republished: public again");
        Publication gone = PublicationTimeline.withdrawnBy(history(), T3.plusSeconds(1)).orElseThrow();
        assertEquals("superseded", gone.withdrawalCategory());
        assertEquals("new-slug", gone.successor());
        assertEquals(30L, gone.withdrawnSeq());
        assertTrue(history().get(0).withdrawalCategory() == null, "a republication ends an interval without a withdrawal");
    }
}
