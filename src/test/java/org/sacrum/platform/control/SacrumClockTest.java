package org.sacrum.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class SacrumClockTest {

    private static SacrumClock clock(boolean adjustable) {
        SacrumClock clock = new SacrumClock();
        clock.adjustable = adjustable;
        return clock;
    }

    @Test
    void followsTheSystemClockUntilMoved() {
        SacrumClock clock = clock(true);
        Instant before = Instant.now();
        Instant now = clock.now();
        assertFalse(now.isBefore(before));
        assertFalse(now.isAfter(Instant.now()));
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void movedItReadsTheNewTimeAndRunsOnFromThere() throws InterruptedException {
        SacrumClock clock = clock(true);
        clock.set(Instant.parse("2030-03-03T23:59:59.900Z"));
        Instant first = clock.now();
        assertTrue(Duration.between(Instant.parse("2030-03-03T23:59:59.900Z"), first).abs().toMillis() < 1_000, first.toString());
        Thread.sleep(150);
        Instant second = clock.now();
        assertTrue(second.isAfter(first), "it keeps running");
        assertEquals(LocalDate.parse("2030-03-04"), clock.today(), "today is the UTC date of now");
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(LocalDate.parse("2020-01-01"), clock.today(), "it moves backwards too");
        clock.reset();
        assertEquals(Duration.ZERO, clock.offset());
        assertTrue(Duration.between(Instant.now(), clock.now()).abs().toMillis() < 1_000);
    }

    @Test
    void aFixedClockCannotBeMoved() {
        SacrumClock clock = clock(false);
        assertThrows(IllegalStateException.class, () -> clock.set(Instant.parse("2030-01-01T00:00:00Z")));
        assertEquals(Duration.ZERO, clock.offset());
        assertFalse(clock.adjustable());
    }
}
