package org.sacrum.platform.control;

import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

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

    @Test
    void negativeRangesAndTheLongBounds() {
        assertNull(WholeNumber.check("offset", "-5", -10, 10));
        assertEquals("range", WholeNumber.check("offset", "-11", -10, 10).rule());
        assertNull(WholeNumber.check("after", Long.toString(Long.MIN_VALUE), Long.MIN_VALUE, 0));
        assertEquals("range", WholeNumber.check("after", "-9223372036854775809", Long.MIN_VALUE, 0).rule(), "below long");
        assertEquals("integer", WholeNumber.check("after", "-", 0, 10).rule());
        assertEquals("integer", WholeNumber.check("after", "--1", -10, 10).rule());
        assertEquals("integer", WholeNumber.check("after", "\u0661", 0, 10).rule(), "Arabic-Indic digits are not accepted");
        assertEquals("integer", WholeNumber.check("after", "0x10", 0, 100).rule());
    }

    @Test
    void leadingZerosAreTheSameNumber() {
        assertEquals(7, WholeNumber.parseInt("size", "007", 20, 1, 100));
        assertEquals("integer", WholeNumber.check("size", "0".repeat(30) + "7", 1, 100).rule(), "but not without bound");
    }

    @Test
    void theViolationNamesTheFieldAndTheRange() {
        Violation v = WholeNumber.check("limit", "0", 1, 1000);
        assertEquals(new Violation("limit", "range", "must be from 1 to 1000"), v);
        ProblemException e = assertThrows(ProblemException.class, () -> WholeNumber.parse("limit", "x", 100, 1, 1000));
        assertEquals("https://sacrum.dev/problems/invalid-query", e.problem().type());
        assertEquals("limit must be a whole number from 1 to 1000.", e.problem().detail());
    }
}
