package org.sacrum.platform.control;

import org.sacrum.platform.entity.ProblemException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WholeNumberTest {
    private static String rule(String raw) {
        ProblemException e = assertThrows(ProblemException.class, () -> WholeNumber.parse("limit", raw, 100, 1, 1000));
        assertEquals(400, e.problem().status());
        assertEquals("limit", e.problem().violations().get(0).field());
        return e.problem().violations().get(0).rule();
    }

    @Test
    void parsesWithinRangeAndDefaults() {
        assertEquals(100, WholeNumber.parse("limit", null, 100, 1, 1000));
        assertEquals(1, WholeNumber.parse("limit", "1", 100, 1, 1000));
        assertEquals(1000, WholeNumber.parseInt("limit", "1000", 100, 1, 1000));
        assertEquals(Long.MAX_VALUE, WholeNumber.parse("after", Long.toString(Long.MAX_VALUE), 0, 0, Long.MAX_VALUE));
    }

    @Test
    void refusesWhatIsNotAWholeNumberInRange() {
        assertEquals("integer", rule("abc"));
        assertEquals("integer", rule(""));
        assertEquals("integer", rule("1.5"));
        assertEquals("integer", rule(" 1"));
        assertEquals("integer", rule("+1"));
        assertEquals("integer", rule("1".repeat(1000)));
        assertEquals("range", rule("99999999999999999999"));
        assertEquals("range", rule("0"));
        assertEquals("range", rule("-5"));
        assertEquals("range", rule("1001"));
        assertEquals("range", rule("2147483647"));
    }
}
