package org.sacrum.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the append-only audit log: who did what to which entry, when, and the state it moved. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    private Long id;
    @Column(updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String action;
    @Column(name = "entry_id", updatable = false)
    private String entryId;
    @Column(name = "content_type", updatable = false)
    private String contentType;
    @Column(updatable = false)
    private String slug;
    @Column(name = "revision_number", updatable = false)
    private Integer revisionNumber;
    @Column(name = "from_state", updatable = false)
    private String fromState;
    @Column(name = "to_state", updatable = false)
    private String toState;
    @Column(updatable = false)
    private String detail;
    @Column(name = "prev_hash", updatable = false)
    private String prevHash;
    @Column(updatable = false)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String entryId, String contentType, String slug, Integer revisionNumber,
                      String fromState, String toState, String detail) {
        this.at = AuditChain.kept(Instant.now());
        this.actor = actor;
        this.action = action;
        this.entryId = entryId;
        this.contentType = contentType;
        this.slug = slug;
        this.revisionNumber = revisionNumber;
        this.fromState = fromState;
        this.toState = toState;
        this.detail = shortened(detail);
    }

    /** At most the column's 2000 characters, never cutting a surrogate pair (half of one would not survive storage). */
    static String shortened(String detail) {
        if (detail == null || detail.length() <= 2000) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(1996)) ? 1996 : 1997;
        return detail.substring(0, end) + "...";
    }

    /** Chains this new record after the one whose hash is given; its id must be assigned (it is part of the hash). */
    public String link(String previousHash) {
        if (hash != null) {
            throw new IllegalStateException("audit record " + id + " is already chained");
        }
        if (id == null) {
            throw new IllegalStateException("an audit record is chained only once it has its id");
        }
        this.prevHash = previousHash;
        this.hash = AuditChain.hash(fields());
        return hash;
    }

    /** Its columns as the chain hashes them. */
    public AuditChain.Fields fields() {
        return new AuditChain.Fields(id, at, actor, action, entryId, contentType, slug, revisionNumber, fromState, toState, detail, prevHash);
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String entryId() {
        return entryId;
    }

    public String contentType() {
        return contentType;
    }

    public String slug() {
        return slug;
    }

    public Integer revisionNumber() {
        return revisionNumber;
    }

    public String fromState() {
        return fromState;
    }

    public String toState() {
        return toState;
    }

    public String detail() {
        return detail;
    }
}
