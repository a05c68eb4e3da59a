package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** The part of daily living a habit is about. */
@JsonbTypeAdapter(DailyActivity.Adapter.class)
public enum DailyActivity implements KebabCase {
    SITTING, STANDING, SLEEPING, GETTING_IN_AND_OUT_OF_BED, CARRYING, LIFTING;

    public static final class Adapter extends KebabCase.Adapter<DailyActivity> {
        public Adapter() {
            super(DailyActivity.class);
        }
    }
}
