package org.sacrum.entries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sacrum.content.entity.ContentType;

import java.time.Instant;

/**
 * One interval in which the public could read one revision of an entry: from {@code publishedAt} until
 * {@code withdrawnAt} (null while it is public). A republication ends the previous interval without a withdrawal
 * category; a withdrawal (unpublish, archive, a job) ends it with one. Rows are written only by
 * {@code entries.control.PublicationHistory}; only the end of the open interval is ever updated.
 */
@Entity
@Table(name = "publication")
public class Publication {
    @Id
    private long id;
    @Column(name = "entry_id", updatable = false)
    private String entryId;
    @Column(name = "content_type", updatable = false)
    @Enumerated(EnumType.STRING)
    private ContentType contentType;
    @Column(updatable = false)
    private String slug;
    @Column(updatable = false)
    private String locale;
    @Column(name = "revision_number", updatable = false)
    private int revisionNumber;
    @Column(name = "content_hash", updatable = false)
    private String contentHash;
    @Column(name = "approval_id", updatable = false)
    private String approvalId;
    @Column(name = "published_at", updatable = false)
    private Instant publishedAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    /** The change feed's cursor of the withdrawal (from the same sequence as the ids); null unless withdrawn. */
    @Column(name = "withdrawn_seq")
    private Long withdrawnSeq;
    @Column(name = "withdrawal_category")
    private String withdrawalCategory;
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;
    @Column(name = "successor")
    private String successor;

    protected Publication() {
    }

    public Publication(long id, Entry entry, int revisionNumber, String contentHash, String approvalId, Instant publishedAt) {
        this.id = id;
        this.entryId = entry.id();
        this.contentType = entry.contentType();
        this.slug = entry.slug();
        this.locale = entry.locale();
        this.revisionNumber = revisionNumber;
        this.contentHash = contentHash;
        this.approvalId = approvalId;
        this.publishedAt = publishedAt;
    }

    /** Ends the interval because a newer revision of the same entry replaced it: no withdrawal for the public. */
    public void replaced(Instant at) {
        this.withdrawnAt = at;
    }

    /** Ends the interval because the entry left the public. */
    public void withdrawn(Instant at, long seq, Withdrawal withdrawal) {
        this.withdrawnAt = at;
        this.withdrawnSeq = seq;
        this.withdrawalCategory = withdrawal.category().id();
        this.withdrawalReason = withdrawal.reason();
        this.successor = withdrawal.successor();
    }

    public long id() {
        return id;
    }

    public String entryId() {
        return entryId;
    }

    public ContentType contentType() {
        return contentType;
    }

    public String slug() {
        return slug;
    }

    public String locale() {
        return locale;
    }

    public int revisionNumber() {
        return revisionNumber;
    }

    public String contentHash() {
        return contentHash;
    }

    public String approvalId() {
        return approvalId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Long withdrawnSeq() {
        return withdrawnSeq;
    }

    /** The withdrawal's category id, or null when the interval is open or ended by a republication. */
    public String withdrawalCategory() {
        return withdrawalCategory;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public String successor() {
        return successor;
    }

    /** Whether the public could read this revision at the instant: published by then and not yet withdrawn. */
    public boolean publicAt(Instant at) {
        return !publishedAt.isAfter(at) && (withdrawnAt == null || withdrawnAt.isAfter(at));
    }
}
