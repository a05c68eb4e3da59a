package org.sacrum.entries.control;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.entity.State;
import org.sacrum.entries.entity.Withdrawal;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicationHistoryTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theChangeFeedMergesPublicationsAndWithdrawalsInCursorOrder() {
        Entry a = new Entry(ContentType.WARNING, "a", "en-GB", false, State.DRAFT);
        Entry b = new Entry(ContentType.WARNING, "b", "en-GB", false, State.DRAFT);
        Publication a1 = new Publication(5, a, 1, "h", null, T);
        a1.withdrawn(T.plusSeconds(60), 9, Withdrawal.RETIRED);
        Publication b1 = new Publication(7, b, 1, "h", null, T.plusSeconds(30));
        Publication a2 = new Publication(11, a, 2, "h", null, T.plusSeconds(90));
        List<PublicationHistory.Change> all = PublicationHistory.merged(List.of(a1, b1, a2), List.of(a1), 10);
        assertEquals(List.of(5L, 7L, 9L, 11L), all.stream().map(PublicationHistory.Change::cursor).toList());
        assertEquals(List.of(true, true, false, true), all.stream().map(PublicationHistory.Change::published).toList());
        assertEquals(T.plusSeconds(60), all.get(2).at());
        assertEquals(List.of(5L, 7L, 9L), PublicationHistory.merged(List.of(a1, b1, a2), List.of(a1), 3).stream()
                .map(PublicationHistory.Change::cursor).toList(), "limit applies to the merged stream");
    }
}
