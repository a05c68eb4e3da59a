package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Where in pregnancy or after it an entry applies. */
@JsonbTypeAdapter(Stage.Adapter.class)
public enum Stage implements KebabCase {
    TRIMESTER_1, TRIMESTER_2, TRIMESTER_3, POSTPARTUM;

    public static final class Adapter extends KebabCase.Adapter<Stage> {
        public Adapter() {
            super(Stage.class);
        }
    }
}
