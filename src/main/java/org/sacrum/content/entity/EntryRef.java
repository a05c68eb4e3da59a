package org.sacrum.content.entity;

/** How callers name an entry: its type, slug and locale. */
public record EntryRef(ContentType type, String slug, String locale) {
    @Override
    public String toString() {
        return type.id() + " " + slug + " (" + locale + ")";
    }
}
