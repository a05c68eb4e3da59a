package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTypeAdapter;

/** Whether a field's text comes from the entry's cited sources or was written by an editor. */
@JsonbTypeAdapter(ProvenanceBasis.Adapter.class)
public enum ProvenanceBasis implements KebabCase {
    SOURCE, EDITORIAL;

    public static final class Adapter extends KebabCase.Adapter<ProvenanceBasis> {
        public Adapter() {
            super(ProvenanceBasis.class);
        }
    }
}
