package org.sacrum.content.entity;

/**
 * How often an entry's clinical review should be repeated, by type and (for warnings) urgency. Editorial policy,
 * not a clinical fact: a clinical team sets these. The general interval is workflow.json's
 * (approval.defaultReviewIntervalMonths); only the exception for urgent red flags is here.
 */
public final class ReviewInterval {
    /** Red flags that send readers to emergency or same-day care are checked at least this often. */
    public static final int URGENT_WARNING_MONTHS = 6;

    private ReviewInterval() {
    }

    /** The interval for a type and, for warnings, the urgency as JSON spells it ("emergency"; null when it has none). */
    public static int months(ContentType type, String urgency, int defaultMonths) {
        if (type == ContentType.WARNING && (Urgency.EMERGENCY.json().equals(urgency) || Urgency.URGENT_SAME_DAY.json().equals(urgency))) {
            return Math.min(URGENT_WARNING_MONTHS, defaultMonths);
        }
        return defaultMonths;
    }
}
