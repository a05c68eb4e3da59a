package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** The body position an exercise is done in. */
@JsonbTypeAdapter(BodyPosition.Adapter.class)
public enum BodyPosition implements KebabCase {
    SUPINE, SIDE_LYING, PRONE, QUADRUPED, KNEELING, SEATED, STANDING, RECLINED;

    public static final class Adapter extends KebabCase.Adapter<BodyPosition> {
        public Adapter() {
            super(BodyPosition.class);
        }
    }
}
