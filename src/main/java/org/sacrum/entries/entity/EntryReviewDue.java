package org.sacrum.entries.entity;

import java.time.LocalDate;

/**
 * Fired once per published entry, next review date and currency when its review falls due-soon and again when it
 * falls overdue ({@code currency}), in the transaction that records the notice.
 */
public record EntryReviewDue(Entry entry, Currency currency, LocalDate nextReviewDue) {
}
