package org.sacrum.entries.entity;

import org.sacrum.content.entity.Content;

/** Fired in the transaction that publishes a revision of an entry; {@code content} is that revision's content. */
public record EntryPublished(Entry entry, Content content) {
}
