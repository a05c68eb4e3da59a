package org.sacrum.content;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Whether a risk factor is linked to one-sided or both-sided pain. */
@JsonbTypeAdapter(SidePattern.Adapter.class)
public enum SidePattern implements Kebab {
    ONE_SIDED, BOTH_SIDED, EITHER_SIDE;

    public static final class Adapter extends Kebab.Adapter<SidePattern> {
        public Adapter() {
            super(SidePattern.class);
        }
    }
}
