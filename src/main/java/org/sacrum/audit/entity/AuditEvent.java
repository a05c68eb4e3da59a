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

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String entryId, String contentType, String slug, Integer revisionNumber,
                      String fromState, String toState, String detail) {
        this.at = Instant.now();
        this.actor = actor;
        this.action = action;
        this.entryId = entryId;
        this.contentType = contentType;
        this.slug = slug;
        this.revisionNumber = revisionNumber;
        this.fromState = fromState;
        this.toState = toState;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
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
