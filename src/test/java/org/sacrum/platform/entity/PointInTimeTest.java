package org.sacrum.platform.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointInTimeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void readsInstantsWithAnOffset() {
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), PointInTime.parse("2026-03-03T10:00:00Z"));
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), PointInTime.parse("2026-03-03T11:00:00+01:00"));
        assertEquals(Instant.parse("2026-03-03T10:00:00.123Z"), PointInTime.parse("2026-03-03T10:00:00.123Z"));
        assertNull(PointInTime.check("asOf", "2026-03-03T10:00:00Z", NOW));
        assertNull(PointInTime.check("asOf", NOW.toString(), NOW), "now itself is not the future");
    }

    @Test
    void refusesWhatIsNoBoundedPastInstant() {
        for (String bad : new String[]{null, "", "yesterday", "2026-03-03", "2026-03-03T10:00:00", "1969-12-31T23:59:59Z",
                "+999999999-12-31T23:59:59Z", "2026-03-03T10:00:00Z" + " ".repeat(40)}) {
            assertEquals("instant", PointInTime.check("asOf", bad, NOW).rule(), String.valueOf(bad));
        }
        assertEquals("not-future", PointInTime.check("asOf", "2026-06-01T12:00:01Z", NOW).rule());
        assertNull(PointInTime.check("asOf", "2999-01-01T00:00:00Z", null), "without a clock only the form is checked");
    }

    @Test
    void aPlusDecodedAsASpaceGetsAHint() {
        assertTrue(PointInTime.check("asOf", "2026-03-03T11:00:00 01:00", NOW).message().contains("%2B"));
    }
}
