package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Whether a risk factor is linked to one-sided or both-sided pain. */
@JsonbTypeAdapter(SidePattern.Adapter.class)
public enum SidePattern implements KebabCase {
    ONE_SIDED, BOTH_SIDED, EITHER_SIDE;

    public static final class Adapter extends KebabCase.Adapter<SidePattern> {
        public Adapter() {
            super(SidePattern.class);
        }
    }
}
