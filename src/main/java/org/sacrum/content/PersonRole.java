package org.sacrum.content;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** A person's part in a podcast episode. */
@JsonbTypeAdapter(PersonRole.Adapter.class)
public enum PersonRole implements Kebab {
    HOST, GUEST, CO_HOST;

    public static final class Adapter extends Kebab.Adapter<PersonRole> {
        public Adapter() {
            super(PersonRole.class);
        }
    }
}
