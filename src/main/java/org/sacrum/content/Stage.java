package org.sacrum.content;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Where in pregnancy or after it an entry applies. */
@JsonbTypeAdapter(Stage.Adapter.class)
public enum Stage implements Kebab {
    TRIMESTER_1, TRIMESTER_2, TRIMESTER_3, POSTPARTUM;

    public static final class Adapter extends Kebab.Adapter<Stage> {
        public Adapter() {
            super(Stage.class);
        }
    }
}
