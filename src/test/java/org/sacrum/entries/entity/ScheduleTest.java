package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ScheduleTest {
    private static final Instant NOW = Instant.parse("2027-03-03T10:00:00Z");

    private static List<String> broken(Instant publishAt, Instant unpublishAt, boolean published) {
        return new Schedule(publishAt, unpublishAt).violations(NOW, published).stream()
                .map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void aScheduleInTheNextTwoYearsIsValid() {
        assertEquals(List.of(), broken(NOW.plusSeconds(1), null, false));
        assertEquals(List.of(), broken(NOW.plusSeconds(5), NOW.plus(Duration.ofDays(700)), false));
        assertEquals(List.of(), broken(null, NOW.plusSeconds(60), true), "withdrawing what is published");
        assertEquals(List.of(), broken(null, null, false), "clearing");
        assertTrue(new Schedule(null, null).empty());
    }

    @Test
    void timesMustBeInTheFuture() {
        assertEquals(List.of("publishAt:schedule-in-future"), broken(NOW, null, false), "now is not in the future");
        assertEquals(List.of("publishAt:schedule-in-future"), broken(NOW.minusSeconds(1), null, false));
        assertEquals(List.of("unpublishAt:schedule-in-future"), broken(null, NOW.minusSeconds(3600), true));
    }

    @Test
    void timesMustBeWithinTwoYears() {
        assertEquals(List.of("publishAt:schedule-within-horizon"), broken(NOW.plus(Duration.ofDays(800)), null, false));
        assertEquals(List.of("unpublishAt:schedule-within-horizon"),
                broken(NOW.plusSeconds(10), NOW.plus(Schedule.HORIZON).plusSeconds(1), false));
        assertEquals(List.of(), broken(NOW.plus(Schedule.HORIZON), null, false), "the horizon itself is allowed");
    }

    @Test
    void withdrawalComesAfterPublication() {
        assertEquals(List.of("unpublishAt:unpublish-after-publish"), broken(NOW.plusSeconds(60), NOW.plusSeconds(30), false));
        assertEquals(List.of("unpublishAt:unpublish-after-publish"), broken(NOW.plusSeconds(60), NOW.plusSeconds(60), true));
    }

    @Test
    void aWithdrawalNeedsSomethingToWithdraw() {
        assertEquals(List.of("unpublishAt:unpublish-needs-publication"), broken(null, NOW.plusSeconds(60), false));
    }

    @Test
    void everyViolationNamesItsFieldRuleAndWhy() {
        List<Violation> all = new Schedule(NOW.minusSeconds(1), NOW.minusSeconds(2)).violations(NOW, false);
        assertEquals(3, all.size(), all.toString());
        all.forEach(v -> assertFalse(v.message().isBlank()));
        assertTrue(new Schedule(NOW, null).describe().contains("2027-03-03T10:00:00Z"));
    }
}
