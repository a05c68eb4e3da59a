package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** How strong a source is, from guideline to a clinician's blog. */
@JsonbTypeAdapter(EvidenceKind.Adapter.class)
public enum EvidenceKind implements KebabCase {
    CLINICAL_GUIDELINE, SYSTEMATIC_REVIEW, RESEARCH_STUDY, EXPERT_OPINION, CLINICIAN_BLOG, PATIENT_EDUCATION, PODCAST, VIDEO;

    public static final class Adapter extends KebabCase.Adapter<EvidenceKind> {
        public Adapter() {
            super(EvidenceKind.class);
        }
    }
}
