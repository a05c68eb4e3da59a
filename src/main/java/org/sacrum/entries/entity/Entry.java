package org.sacrum.entries.entity;

import org.sacrum.audit.entity.AuditedEntry;

import org.sacrum.content.entity.ContentType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;

/**
 * One piece of content across its life. Its revisions are immutable; the entry points at the latest one,
 * at the approval (of one exact revision) and at the revision the public sees, which may all differ.
 */
@Entity
@Table(name = "entry")
@NamedQuery(name = "Entry.bySlug", query = "SELECT e FROM Entry e WHERE e.contentType = :type AND e.slug = :slug AND e.locale = :locale")
@NamedQuery(name = "Entry.existingSlugs", query = "SELECT e.slug FROM Entry e WHERE e.contentType = :type AND e.locale = :locale AND e.slug IN :slugs AND e.state <> org.sacrum.entries.entity.State.ARCHIVED")
@NamedQuery(name = "Entry.publishedSlugs", query = "SELECT e.slug FROM Entry e WHERE e.contentType = :type AND e.locale = :locale AND e.slug IN :slugs AND e.publishedRevision IS NOT NULL")
public class Entry implements AuditedEntry {
    @Id
    private String id;
    @Column(name = "content_type")
    @Enumerated(EnumType.STRING)
    private ContentType contentType;
    private String slug;
    private String locale;
    @Enumerated(EnumType.STRING)
    private State state;
    private boolean sample;
    @Column(name = "latest_revision")
    private int latestRevision;
    @Column(name = "published_revision")
    private Integer publishedRevision;
    @Column(name = "approval_id")
    private String approvalId;
    @Column(name = "published_approval_id")
    private String publishedApprovalId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    /** Why a clinician must look at this published entry again (a linked red flag changed); null when not. */
    @Column(name = "re_review_reason")
    private String reReviewReason;
    @Column(name = "re_review_since")
    private Instant reReviewSince;
    /** When the schedule publishes the approved revision, or withdraws the published one; null: not scheduled. */
    @Column(name = "publish_at")
    private Instant publishAt;
    @Column(name = "unpublish_at")
    private Instant unpublishAt;
    /** Who set the schedule (a publisher's username), named when the job acts on it. */
    @Column(name = "scheduled_by")
    private String scheduledBy;
    /** The last scheduled action the workflow rules refused: when, which action, and the rule codes (comma-separated). */
    @Column(name = "schedule_failed_at")
    private Instant scheduleFailedAt;
    @Column(name = "schedule_failed_action")
    private String scheduleFailedAction;
    @Column(name = "schedule_failed_rules")
    private String scheduleFailedRules;
    @Version
    private long version;

    protected Entry() {
    }

    /** A new entry in {@code initial}, the state workflow.json starts entries in. */
    public Entry(ContentType contentType, String slug, String locale, boolean sample, State initial) {
        this.id = Ids.next();
        this.contentType = contentType;
        this.slug = slug;
        this.locale = locale;
        this.sample = sample;
        this.state = initial;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public ContentType contentType() {
        return contentType;
    }

    @Override
    public String typeId() {
        return contentType.id();
    }

    public String slug() {
        return slug;
    }

    public String locale() {
        return locale;
    }

    public State state() {
        return state;
    }

    public void state(State state) {
        this.state = state;
        this.updatedAt = Instant.now();
    }

    public boolean sample() {
        return sample;
    }

    public int latestRevision() {
        return latestRevision;
    }

    /** A new revision voids any approval: a clinician approves one exact revision. */
    public void newRevision(int number) {
        this.latestRevision = number;
        this.approvalId = null;
        this.updatedAt = Instant.now();
    }

    public Integer publishedRevision() {
        return publishedRevision;
    }

    public String approvalId() {
        return approvalId;
    }

    public void approved(String approvalId) {
        this.approvalId = approvalId;
    }

    public String publishedApprovalId() {
        return publishedApprovalId;
    }

    public void publish(int revision, String approvalId) {
        this.publishedRevision = revision;
        this.publishedApprovalId = approvalId;
        this.publishedAt = Instant.now();
    }

    public void withdraw() {
        this.publishedRevision = null;
        this.publishedApprovalId = null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String reReviewReason() {
        return reReviewReason;
    }

    public Instant reReviewSince() {
        return reReviewSince;
    }

    public boolean reReviewPending() {
        return reReviewReason != null;
    }

    /** Flags the published entry for a clinician's second look; it stays published. */
    public void reReview(String reason, Instant since) {
        this.reReviewReason = reason;
        this.reReviewSince = since;
    }

    public void reReviewDone() {
        this.reReviewReason = null;
        this.reReviewSince = null;
    }

    public Instant publishAt() {
        return publishAt;
    }

    public Instant unpublishAt() {
        return unpublishAt;
    }

    public void schedule(Instant publishAt, Instant unpublishAt) {
        this.publishAt = publishAt;
        this.unpublishAt = unpublishAt;
    }

    /** A publisher's new schedule (both null: none); it replaces any earlier one and clears a failure flag. */
    public void schedule(Instant publishAt, Instant unpublishAt, String by) {
        schedule(publishAt, unpublishAt);
        this.scheduledBy = publishAt == null && unpublishAt == null ? null : by;
        this.scheduleFailedAt = null;
        this.scheduleFailedAction = null;
        this.scheduleFailedRules = null;
    }

    public String scheduledBy() {
        return scheduledBy;
    }

    /** Flags a scheduled action the rules refused, for the publishers' queue, until the next schedule is set. */
    public void scheduleFailed(Instant at, String action, java.util.List<String> rules) {
        this.scheduleFailedAt = at;
        this.scheduleFailedAction = action;
        String joined = String.join(",", rules);
        this.scheduleFailedRules = joined.length() <= 500 ? joined : joined.substring(0, joined.lastIndexOf(',', 500)); // the column's size
    }

    public Instant scheduleFailedAt() {
        return scheduleFailedAt;
    }

    public String scheduleFailedAction() {
        return scheduleFailedAction;
    }

    public java.util.List<String> scheduleFailedRules() {
        return scheduleFailedRules == null || scheduleFailedRules.isEmpty() ? java.util.List.of()
                : java.util.List.of(scheduleFailedRules.split(","));
    }

    /** The strong ETag of the entry's management view: it changes with every write. */
    public String etag() {
        return "\"" + id + "." + version + "\"";
    }
}
