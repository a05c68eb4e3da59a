package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** A support the reader uses (belt, tape) or a treatment a professional gives. */
@JsonbTypeAdapter(TreatmentKind.Adapter.class)
public enum TreatmentKind implements KebabCase {
    SUPPORT, PROFESSIONAL;

    public static final class Adapter extends KebabCase.Adapter<TreatmentKind> {
        public Adapter() {
            super(TreatmentKind.class);
        }
    }
}
