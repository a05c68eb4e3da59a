package org.sacrum.entries.entity;

import java.util.Map;

/**
 * workflow.json's review policy for one content type: how many months an approval holds (for warnings shorter by
 * urgency), and what happens when it is overdue: {@link Overdue#FLAG} keeps it published and flagged,
 * {@link Overdue#WITHDRAW_AFTER_GRACE} withdraws it automatically {@code graceDays} after the next review date.
 */
public record CurrencyPolicy(int reviewIntervalMonths, Map<String, Integer> monthsByUrgency, Overdue overdue, Integer graceDays) {

    public enum Overdue {
        FLAG("flag"), WITHDRAW_AFTER_GRACE("withdraw-after-grace");

        private final String id;

        Overdue(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The interval for content of this urgency (as JSON spells it; null when the type has none). */
    public int months(String urgency) {
        return urgency == null ? reviewIntervalMonths : monthsByUrgency.getOrDefault(urgency, reviewIntervalMonths);
    }

    /** The grace days when the entry is to be withdrawn automatically, null when it is only flagged. */
    public Integer withdrawalGraceDays() {
        return overdue == Overdue.WITHDRAW_AFTER_GRACE ? graceDays : null;
    }
}
