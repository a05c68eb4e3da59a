package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How quickly a red flag needs care, most urgent first. */
@JsonbTypeAdapter(Urgency.Adapter.class)
public enum Urgency implements KebabCase {
    EMERGENCY, URGENT_SAME_DAY, CONTACT_PROVIDER, ROUTINE;

    public static final class Adapter extends KebabCase.Adapter<Urgency> {
        public Adapter() {
            super(Urgency.class);
        }
    }
}
