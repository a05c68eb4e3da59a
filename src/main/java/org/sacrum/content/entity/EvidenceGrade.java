package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** An optional certainty grade for a source's evidence, in GRADE's four levels. */
@JsonbTypeAdapter(EvidenceGrade.Adapter.class)
public enum EvidenceGrade implements KebabCase {
    HIGH, MODERATE, LOW, VERY_LOW;

    public static final class Adapter extends KebabCase.Adapter<EvidenceGrade> {
        public Adapter() {
            super(EvidenceGrade.class);
        }
    }
}
