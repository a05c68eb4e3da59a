package org.sacrum.entries.entity;

/**
 * The optional body of unpublish and archive. {@code force} with a {@code reason} withdraws a warning that published
 * entries still link to, putting each of them into re-review (rule warning-still-linked). No body: neither.
 */
public record Withdrawal(Boolean force, String reason) {
    /** The longest reason kept (it becomes part of each linked entry's re-review reason). */
    public static final int MAX_REASON = 300;

    public static final Withdrawal NONE = new Withdrawal(null, null);

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
