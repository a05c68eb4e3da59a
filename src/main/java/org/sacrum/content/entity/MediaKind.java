package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Kinds of media an entry may reference. */
@JsonbTypeAdapter(MediaKind.Adapter.class)
public enum MediaKind implements KebabCase {
    IMAGE, VIDEO;

    public static final class Adapter extends KebabCase.Adapter<MediaKind> {
        public Adapter() {
            super(MediaKind.class);
        }
    }
}
