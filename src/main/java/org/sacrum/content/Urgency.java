package org.sacrum.content;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How quickly a red flag needs care, most urgent first. */
@JsonbTypeAdapter(Urgency.Adapter.class)
public enum Urgency implements Kebab {
    EMERGENCY, URGENT_SAME_DAY, CONTACT_PROVIDER, ROUTINE;

    public static final class Adapter extends Kebab.Adapter<Urgency> {
        public Adapter() {
            super(Urgency.class);
        }
    }
}
