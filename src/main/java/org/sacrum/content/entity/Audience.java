package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Who an entry is written for. */
@JsonbTypeAdapter(Audience.Adapter.class)
public enum Audience implements KebabCase {
    PREGNANT, POSTPARTUM, PARTNERS_AND_FAMILY, CLINICIANS;

    public static final class Adapter extends KebabCase.Adapter<Audience> {
        public Adapter() {
            super(Audience.class);
        }
    }
}
