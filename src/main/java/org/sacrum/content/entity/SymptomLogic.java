package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How the signs of a warning combine: any one of them, or all of them together. */
@JsonbTypeAdapter(SymptomLogic.Adapter.class)
public enum SymptomLogic implements KebabCase {
    ANY_OF, ALL_OF;

    public static final class Adapter extends KebabCase.Adapter<SymptomLogic> {
        public Adapter() {
            super(SymptomLogic.class);
        }
    }
}
