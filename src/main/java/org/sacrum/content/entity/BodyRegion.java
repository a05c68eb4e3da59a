package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** The body regions and muscles an exercise targets. */
@JsonbTypeAdapter(BodyRegion.Adapter.class)
public enum BodyRegion implements KebabCase {
    LOWER_BACK, UPPER_BACK, THORACIC_SPINE, NECK, SHOULDERS, CHEST, DIAPHRAGM, CORE, PELVIS, SACROILIAC_JOINT, SACRUM, PELVIC_FLOOR, GLUTES, HIPS, HIP_ROTATORS, HAMSTRINGS, ADDUCTORS, QUADRICEPS, IT_BAND, CALVES, SCIATIC_NERVE;

    public static final class Adapter extends KebabCase.Adapter<BodyRegion> {
        public Adapter() {
            super(BodyRegion.class);
        }
    }
}
