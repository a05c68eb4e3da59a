package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A published entry's review currency from its next review date, the day, the due-soon window and the grace. */
class ReviewCurrencyTest {
    static final LocalDate DUE = LocalDate.of(2027, 3, 15);

    private static Currency on(LocalDate today) {
        return ReviewCurrency.of(false, DUE, today, 30, null).currency();
    }

    @Test
    void theDueSoonWindowOpensDueSoonDaysBeforeTheDate() {
        assertEquals(Currency.CURRENT, on(DUE.minusDays(31)), "the day before the window");
        assertEquals(Currency.DUE_SOON, on(DUE.minusDays(30)), "the first day of the window");
        assertEquals(Currency.DUE_SOON, on(DUE.minusDays(1)));
        assertEquals(LocalDate.of(2027, 2, 13), ReviewCurrency.of(false, DUE, DUE, 30, null).dueSoonFrom());
    }

    @Test
    void onTheDueDateItIsDueSoonAndFromTheNextDayOverdue() {
        assertEquals(Currency.DUE_SOON, on(DUE), "still due, not yet past");
        assertEquals(Currency.OVERDUE, on(DUE.plusDays(1)));
        assertEquals(Currency.OVERDUE, on(DUE.plusYears(3)));
    }

    @Test
    void dueForReviewKeepsItsOldMeaningFromTheDueDateOn() {
        ReviewCurrency c = ReviewCurrency.of(false, DUE, DUE, 30, null);
        assertFalse(c.dueForReview(DUE.minusDays(1)));
        assertTrue(c.dueForReview(DUE));
        assertTrue(c.dueForReview(DUE.plusDays(1)));
    }

    @Test
    void aZeroWindowMeansDueSoonOnlyOnTheDate() {
        assertEquals(Currency.CURRENT, ReviewCurrency.of(false, DUE, DUE.minusDays(1), 0, null).currency());
        assertEquals(Currency.DUE_SOON, ReviewCurrency.of(false, DUE, DUE, 0, null).currency());
    }

    @Test
    void aPendingReReviewOutranksEveryDate() {
        for (LocalDate day : new LocalDate[]{DUE.minusYears(1), DUE.minusDays(5), DUE, DUE.plusDays(40)}) {
            assertEquals(Currency.RE_REVIEW_PENDING, ReviewCurrency.of(true, DUE, day, 30, 30).currency(), day.toString());
        }
    }

    @Test
    void withdrawalIsDueOnlyOnceTheGraceDaysHavePassed() {
        ReviewCurrency c = ReviewCurrency.of(false, DUE, DUE.plusDays(1), 30, 30);
        assertEquals(DUE.plusDays(30), c.withdrawAfter());
        assertFalse(c.withdrawDue(DUE.plusDays(1)));
        assertFalse(c.withdrawDue(DUE.plusDays(30)), "the last day of grace");
        assertTrue(c.withdrawDue(DUE.plusDays(31)));
        assertTrue(ReviewCurrency.of(false, DUE, DUE, 30, 0).withdrawDue(DUE.plusDays(1)), "no grace: the first overdue day");
    }

    @Test
    void underTheFlagPolicyNothingIsEverWithdrawn() {
        ReviewCurrency c = ReviewCurrency.of(false, DUE, DUE.plusYears(5), 30, null);
        assertNull(c.withdrawAfter());
        assertFalse(c.withdrawDue(DUE.plusYears(5)));
        assertEquals(Currency.OVERDUE, c.currency());
    }
}
