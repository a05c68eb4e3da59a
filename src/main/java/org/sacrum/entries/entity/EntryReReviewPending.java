package org.sacrum.entries.entity;

/** Fired in the transaction that puts a published entry into re-review (a warning it links to changed); {@code reason} names it. */
public record EntryReReviewPending(Entry entry, String reason) {
}
