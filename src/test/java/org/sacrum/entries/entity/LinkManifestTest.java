package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The approval link manifest: canonical order and JSON (what its hash is over), and what counts as a changed link. */
class LinkManifestTest {
    static final LinkedRevision WARNING_3 = new LinkedRevision(ContentType.WARNING, "calf-pain", true, 3, "h3");
    static final LinkedRevision EXERCISE_DRAFT = new LinkedRevision(ContentType.EXERCISE, "pelvic-tilt", false, 2, "e2");
    static final LinkedRevision CONDITION_GONE = new LinkedRevision(ContentType.CONDITION, "gone", false, null, null);

    @Test
    void canonicalOrderIsByTypeIdThenSlugWithoutDuplicates() {
        LinkedRevision another = new LinkedRevision(ContentType.WARNING, "back-pain", true, 1, "b1");
        assertEquals(List.of(CONDITION_GONE, EXERCISE_DRAFT, another, WARNING_3),
                LinkManifest.canonical(List.of(WARNING_3, another, EXERCISE_DRAFT, CONDITION_GONE, WARNING_3)));
    }

    @Test
    void theCanonicalJsonIsIndependentOfTheOrderLinksWereFoundIn() {
        String expected = "[{\"type\":\"condition\",\"slug\":\"gone\",\"published\":false,\"revision\":null,\"contentHash\":null},"
                + "{\"type\":\"exercise\",\"slug\":\"pelvic-tilt\",\"published\":false,\"revision\":2,\"contentHash\":\"e2\"},"
                + "{\"type\":\"warning\",\"slug\":\"calf-pain\",\"published\":true,\"revision\":3,\"contentHash\":\"h3\"}]";
        assertEquals(expected, LinkManifest.json(List.of(WARNING_3, EXERCISE_DRAFT, CONDITION_GONE)));
        assertEquals(expected, LinkManifest.json(List.of(CONDITION_GONE, WARNING_3, EXERCISE_DRAFT)));
        assertEquals("[]", LinkManifest.json(List.of()), "no links: an empty manifest, which is not a missing one");
    }

    @Test
    void unchangedLinksAreNoDrift() {
        assertEquals(List.of(), LinkManifest.drift(List.of(WARNING_3, EXERCISE_DRAFT, CONDITION_GONE),
                List.of(WARNING_3, EXERCISE_DRAFT, CONDITION_GONE)));
    }

    @Test
    void aRepublishedOrWithdrawnLinkIsDrift() {
        LinkedRevision republished = new LinkedRevision(ContentType.WARNING, "calf-pain", true, 4, "h4");
        LinkedRevision withdrawn = new LinkedRevision(ContentType.WARNING, "calf-pain", false, 4, "h4");
        assertEquals(List.of(new LinkDrift(ContentType.WARNING, "calf-pain", true, 3, 4)),
                LinkManifest.drift(List.of(WARNING_3), List.of(republished)));
        assertEquals(List.of(new LinkDrift(ContentType.WARNING, "calf-pain", true, 3, null)),
                LinkManifest.drift(List.of(WARNING_3), List.of(withdrawn)));
        assertEquals(List.of(new LinkDrift(ContentType.WARNING, "calf-pain", true, 3, null)),
                LinkManifest.drift(List.of(WARNING_3), List.of()), "an entry that is gone is withdrawn");
    }

    @Test
    void aLinkUnpublishedAtApprovalMayBePublishedAtTheRevisionTheClinicianCouldReadOnly() {
        LinkedRevision sameRevision = new LinkedRevision(ContentType.EXERCISE, "pelvic-tilt", true, 2, "e2");
        LinkedRevision laterRevision = new LinkedRevision(ContentType.EXERCISE, "pelvic-tilt", true, 3, "e3");
        LinkedRevision stillDraft = new LinkedRevision(ContentType.EXERCISE, "pelvic-tilt", false, 5, "e5");
        assertEquals(List.of(), LinkManifest.drift(List.of(EXERCISE_DRAFT), List.of(sameRevision)));
        assertEquals(List.of(), LinkManifest.drift(List.of(EXERCISE_DRAFT), List.of(stillDraft)), "readers see nothing of it");
        assertEquals(List.of(new LinkDrift(ContentType.EXERCISE, "pelvic-tilt", false, 2, 3)),
                LinkManifest.drift(List.of(EXERCISE_DRAFT), List.of(laterRevision)));
        assertEquals(List.of(new LinkDrift(ContentType.CONDITION, "gone", false, null, 1)), LinkManifest.drift(List.of(CONDITION_GONE),
                List.of(new LinkedRevision(ContentType.CONDITION, "gone", true, 1, "c1"))), "created and published since");
    }
}
