package org.sacrum.content.entity;

/**
 * Validation group: what a complete entry needs (the JSON Schema's "required"). Checked when an author
 * submits a revision for clinical review; a draft is checked against the Default group only.
 */
public interface Complete {
}
