package org.sacrum.entries.entity;

import org.sacrum.content.entity.ContentType;

import java.util.Objects;

/**
 * One line of an approval's link manifest: what a linked entry was when the clinician approved. {@code published}:
 * the revision the public read then; otherwise the entry was not published, and {@code revision} is its latest revision
 * (what the clinician could open), null when no such entry existed.
 */
public record LinkedRevision(ContentType type, String slug, boolean published, Integer revision, String contentHash) {
    public LinkedRevision {
        Objects.requireNonNull(type);
        Objects.requireNonNull(slug);
    }

    /** Type and slug: what the content links to (in the approved entry's locale). */
    String key() {
        return type.id() + ":" + slug;
    }
}
