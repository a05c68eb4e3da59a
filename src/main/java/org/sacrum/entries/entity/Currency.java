package org.sacrum.entries.entity;

/**
 * Whether a published entry's clinical review still holds: {@code current}; {@code due-soon} (within workflow.json's
 * window before the next review date); {@code overdue} (past it); {@code re-review-pending} (a linked red flag
 * changed since the approval, see {@link Entry#reReviewReason()}), which outranks the dates.
 */
public enum Currency {
    CURRENT("current"), DUE_SOON("due-soon"), OVERDUE("overdue"), RE_REVIEW_PENDING("re-review-pending");

    private final String id;

    Currency(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
