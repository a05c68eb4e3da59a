package org.sacrum.entries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;

/** A clinician's comment on one field of a revision, left when requesting changes. */
@Entity
@Table(name = "review_comment")
@NamedQuery(name = "ReviewComment.ofEntry", query = "SELECT c FROM ReviewComment c WHERE c.entryId = :entry ORDER BY c.createdAt, c.field")
public class ReviewComment {
    @Id
    private String id;
    @Column(name = "entry_id")
    private String entryId;
    @Column(name = "revision_number")
    private int revisionNumber;
    @Column(name = "reviewer_id")
    private String reviewerId;
    private String field;
    private String comment;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ReviewComment() {
    }

    public ReviewComment(String entryId, int revisionNumber, String reviewerId, String field, String comment) {
        this.id = Ids.next();
        this.entryId = entryId;
        this.revisionNumber = revisionNumber;
        this.reviewerId = reviewerId;
        this.field = field;
        this.comment = comment;
        this.createdAt = Instant.now();
    }

    public int revisionNumber() {
        return revisionNumber;
    }

    public String reviewerId() {
        return reviewerId;
    }

    public String field() {
        return field;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
