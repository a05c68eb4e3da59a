package org.sacrum.entries.control;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.LinkedRevision;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The manifest hash: SHA-256 over the canonical JSON, so it depends on what was recorded and not on link order. */
class LinkedRevisionsTest {
    static final LinkedRevision A = new LinkedRevision(ContentType.WARNING, "calf-pain", true, 3, "h3");
    static final LinkedRevision B = new LinkedRevision(ContentType.EXERCISE, "pelvic-tilt", false, 2, "e2");

    @Test
    void theHashIsOverTheCanonicalManifest() {
        // sha256 of "[]", computed independently (printf '[]' | sha256sum)
        assertEquals("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945", LinkedRevisions.hash(List.of()));
        assertEquals(LinkedRevisions.hash(List.of(A, B)), LinkedRevisions.hash(List.of(B, A)));
        assertNotEquals(LinkedRevisions.hash(List.of(A, B)),
                LinkedRevisions.hash(List.of(new LinkedRevision(ContentType.WARNING, "calf-pain", true, 4, "h4"), B)));
        assertEquals(64, LinkedRevisions.hash(List.of(A)).length());
    }
}
