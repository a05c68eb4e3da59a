package org.sacrum.entries.entity;

/** Fired when every entry was replaced at once (an import): whatever was derived from the old entries is stale. */
public record EntriesReplaced() {
}
