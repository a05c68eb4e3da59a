package org.sacrum.entries.entity;

import java.time.LocalDate;

/**
 * A published entry's review currency on a day, with the dates that decide it: due-soon from {@code dueSoonFrom}
 * through the next review date itself, overdue from the day after it, and (under withdraw-after-grace) withdrawn
 * automatically once {@code withdrawAfter} has passed. A pending re-review outranks the dates.
 */
public record ReviewCurrency(Currency currency, LocalDate nextReviewDue, LocalDate dueSoonFrom, LocalDate withdrawAfter) {

    /**
     * The one rule: {@code withdrawAfter} is null under the flag policy ({@code graceDays} null) and for warnings
     * (the caller passes null for them: red flags are never withdrawn automatically).
     */
    public static ReviewCurrency of(boolean reReviewPending, LocalDate nextReviewDue, LocalDate today, int dueSoonDays,
                                    Integer graceDays) {
        LocalDate dueSoonFrom = nextReviewDue.minusDays(dueSoonDays);
        LocalDate withdrawAfter = graceDays == null ? null : nextReviewDue.plusDays(graceDays);
        Currency currency;
        if (reReviewPending) {
            currency = Currency.RE_REVIEW_PENDING;
        } else if (today.isAfter(nextReviewDue)) {
            currency = Currency.OVERDUE;
        } else if (!today.isBefore(dueSoonFrom)) {
            currency = Currency.DUE_SOON;
        } else {
            currency = Currency.CURRENT;
        }
        return new ReviewCurrency(currency, nextReviewDue, dueSoonFrom, withdrawAfter);
    }

    /** Whether the entry is to be withdrawn automatically on this day (past its grace under withdraw-after-grace). */
    public boolean withdrawDue(LocalDate today) {
        return withdrawAfter != null && today.isAfter(withdrawAfter);
    }

    /** The flag delivery has always sent: true from the next review date on (kept for compatibility). */
    public boolean dueForReview(LocalDate today) {
        return !nextReviewDue.isAfter(today);
    }
}
