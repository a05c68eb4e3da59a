package org.sacrum.entries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.sacrum.content.entity.ContentType;

import java.io.Serializable;
import java.util.Objects;

/** One stored line of an approval's link manifest ({@link LinkedRevision}); written once with the approval. */
@Entity
@Table(name = "approval_link")
@IdClass(ApprovalLink.Key.class)
@NamedQuery(name = "ApprovalLink.ofApproval", query = "SELECT l FROM ApprovalLink l WHERE l.approvalId = :approval ORDER BY l.itemIndex")
public class ApprovalLink {
    @Id
    @Column(name = "approval_id", updatable = false)
    private String approvalId;
    @Id
    @Column(name = "item_index", updatable = false)
    private int itemIndex;
    @Column(name = "link_type", updatable = false)
    @Enumerated(EnumType.STRING)
    private ContentType linkType;
    @Column(updatable = false)
    private String slug;
    @Column(updatable = false)
    private boolean published;
    @Column(name = "revision_number", updatable = false)
    private Integer revisionNumber;
    @Column(name = "content_hash", updatable = false)
    private String contentHash;

    protected ApprovalLink() {
    }

    public ApprovalLink(String approvalId, int itemIndex, LinkedRevision link) {
        this.approvalId = approvalId;
        this.itemIndex = itemIndex;
        this.linkType = link.type();
        this.slug = link.slug();
        this.published = link.published();
        this.revisionNumber = link.revision();
        this.contentHash = link.contentHash();
    }

    public String approvalId() {
        return approvalId;
    }

    public LinkedRevision linked() {
        return new LinkedRevision(linkType, slug, published, revisionNumber, contentHash);
    }

    public static class Key implements Serializable {
        private String approvalId;
        private int itemIndex;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.itemIndex == itemIndex && Objects.equals(k.approvalId, approvalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(approvalId, itemIndex);
        }
    }
}
