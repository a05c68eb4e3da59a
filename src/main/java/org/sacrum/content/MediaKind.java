package org.sacrum.content;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Kinds of media an entry may reference. */
@JsonbTypeAdapter(MediaKind.Adapter.class)
public enum MediaKind implements Kebab {
    IMAGE, VIDEO;

    public static final class Adapter extends Kebab.Adapter<MediaKind> {
        public Adapter() {
            super(MediaKind.class);
        }
    }
}
