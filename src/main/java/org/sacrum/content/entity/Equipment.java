package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** What an exercise needs; NONE when nothing. */
@JsonbTypeAdapter(Equipment.Adapter.class)
public enum Equipment implements KebabCase {
    NONE, LACROSSE_BALL, TENNIS_BALL, WALL, CHAIR, COUNTERTOP, EXERCISE_BALL, RESISTANCE_BAND, STRAP, FOAM_ROLLER, MASSAGE_STICK, PILLOW, MAT, PELVIC_BELT, KINESIOLOGY_TAPE;

    public static final class Adapter extends KebabCase.Adapter<Equipment> {
        public Adapter() {
            super(Equipment.class);
        }
    }
}
