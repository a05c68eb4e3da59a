package org.sacrum.entries.entity;

import org.sacrum.content.entity.ContentType;

/** A linked entry whose public revision is no longer the one an approval recorded ({@link LinkManifest#drift}). */
public record LinkDrift(ContentType type, String slug, boolean recordedPublished, Integer recordedRevision, Integer nowPublished) {

    /** The JSON field naming the link, e.g. {@code links.warnings[pelvic-pain]}. */
    public String field() {
        return "links." + type.plural() + "[" + slug + "]";
    }

    /** Recorded against now; numbers and the slug (kebab-case) only, so it is safe as a constraint message. */
    public String message() {
        String recorded = recordedPublished ? "approved with its published revision " + recordedRevision
                : recordedRevision == null ? "approved when it did not exist"
                : "approved while it was unpublished (latest revision " + recordedRevision + ")";
        String now = nowPublished == null ? "now not published (withdrawn)" : "now published revision " + nowPublished;
        return type.id() + " " + slug + " changed since the approval: " + recorded + ", " + now + "; a clinician must approve again";
    }
}
