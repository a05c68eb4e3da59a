package org.sacrum.entries.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;

/** An immutable snapshot of an entry's content. Nothing ever updates or deletes a revision. */
@Entity
@Cacheable
@Table(name = "revision")
@NamedQuery(name = "Revision.ofEntry", query = "SELECT r FROM Revision r WHERE r.entryId = :entry ORDER BY r.number")
@NamedQuery(name = "Revision.byNumber", query = "SELECT r FROM Revision r WHERE r.entryId = :entry AND r.number = :number")
public class Revision {
    @Id
    private String id;
    @Column(name = "entry_id", updatable = false)
    private String entryId;
    @Column(updatable = false)
    private int number;
    @Column(updatable = false)
    private String content;
    @Column(name = "content_hash", updatable = false)
    private String contentHash;
    @Column(name = "author_id", updatable = false)
    private String authorId;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "change_note", updatable = false)
    private String changeNote;
    @Column(name = "restored_from", updatable = false)
    private Integer restoredFrom;

    protected Revision() {
    }

    public Revision(String entryId, int number, String content, String contentHash, String authorId, String changeNote,
                    Integer restoredFrom) {
        this.id = Ids.next();
        this.entryId = entryId;
        this.number = number;
        this.content = content;
        this.contentHash = contentHash;
        this.authorId = authorId;
        this.changeNote = changeNote;
        this.restoredFrom = restoredFrom;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String entryId() {
        return entryId;
    }

    public int number() {
        return number;
    }

    public String content() {
        return content;
    }

    public String contentHash() {
        return contentHash;
    }

    public String authorId() {
        return authorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String changeNote() {
        return changeNote;
    }

    public Integer restoredFrom() {
        return restoredFrom;
    }
}
