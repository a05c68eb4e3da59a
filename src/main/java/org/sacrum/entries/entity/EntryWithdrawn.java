package org.sacrum.entries.entity;

/** Fired in the transaction that takes an entry's published revision off the public API (unpublish or archive). */
public record EntryWithdrawn(Entry entry) {
}
