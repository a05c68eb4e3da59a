package org.sacrum.entries.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;
import java.time.LocalDate;

/** A clinician's electronic signature on one exact revision: who, with what credential, what it means, when. */
@Entity
@Cacheable
@Table(name = "approval")
public class Approval {
    @Id
    private String id;
    @Column(name = "entry_id", updatable = false)
    private String entryId;
    @Column(name = "revision_number", updatable = false)
    private int revisionNumber;
    @Column(name = "content_hash", updatable = false)
    private String contentHash;
    @Column(name = "reviewer_id", updatable = false)
    private String reviewerId;
    @Column(name = "printed_name", updatable = false)
    private String printedName;
    @Column(updatable = false)
    private String credential;
    @Column(updatable = false)
    private String attestation;
    @Column(name = "signature_meaning", updatable = false)
    private String signatureMeaning;
    @Column(name = "approved_at", updatable = false)
    private Instant approvedAt;
    @Column(name = "next_review_due", updatable = false)
    private LocalDate nextReviewDue;
    @Column(updatable = false)
    private boolean demo;
    /** SHA-256 over the canonical link manifest (the approval_link rows); null for approvals made before they were recorded. */
    @Column(name = "link_manifest_hash", updatable = false)
    private String linkManifestHash;

    protected Approval() {
    }

    public Approval(String entryId, int revisionNumber, String contentHash, String reviewerId, String printedName,
                    String credential, String attestation, String signatureMeaning, LocalDate nextReviewDue, boolean demo) {
        this.id = Ids.next();
        this.entryId = entryId;
        this.revisionNumber = revisionNumber;
        this.contentHash = contentHash;
        this.reviewerId = reviewerId;
        this.printedName = printedName;
        this.credential = credential;
        this.attestation = attestation;
        this.signatureMeaning = signatureMeaning;
        this.nextReviewDue = nextReviewDue;
        this.demo = demo;
        this.approvedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String entryId() {
        return entryId;
    }

    public int revisionNumber() {
        return revisionNumber;
    }

    public String contentHash() {
        return contentHash;
    }

    public String reviewerId() {
        return reviewerId;
    }

    public String printedName() {
        return printedName;
    }

    public String credential() {
        return credential;
    }

    public String attestation() {
        return attestation;
    }

    public String signatureMeaning() {
        return signatureMeaning;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }

    public boolean demo() {
        return demo;
    }

    public String linkManifestHash() {
        return linkManifestHash;
    }

    /** Before it is persisted: the hash of the link manifest recorded with it. */
    public void coversLinks(String manifestHash) {
        this.linkManifestHash = manifestHash;
    }
}
