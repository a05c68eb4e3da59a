package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** A person's part in a podcast episode. */
@JsonbTypeAdapter(PersonRole.Adapter.class)
public enum PersonRole implements KebabCase {
    HOST, GUEST, CO_HOST;

    public static final class Adapter extends KebabCase.Adapter<PersonRole> {
        public Adapter() {
            super(PersonRole.class);
        }
    }
}
