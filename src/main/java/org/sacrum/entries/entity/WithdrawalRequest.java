package org.sacrum.entries.entity;

/**
 * The optional body of unpublish and archive, as sent: {"category": "clinical-safety|superseded|retired",
 * "reason": "...", "successor": "slug", "force": true}. {@link Withdrawal#of} checks it.
 */
public record WithdrawalRequest(String category, String reason, String successor, Boolean force) {
    // one constructor only: JSON-B cannot create a record that has several
}
