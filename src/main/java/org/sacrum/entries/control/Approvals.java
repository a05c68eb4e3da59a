package org.sacrum.entries.control;

import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.Entry;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Finds an entry's approvals: the one of its latest revisions (if any), and the one its published revision carries. */
@Stateless
public class Approvals {
    @PersistenceContext
    EntityManager em;

    /** The approval the entry points at; an edit voids it for publication, but it stays recorded. */
    public Optional<Approval> current(Entry entry) {
        return find(entry.approvalId());
    }

    /** The approval of the revision the public reads. */
    public Optional<Approval> published(Entry entry) {
        return find(entry.publishedApprovalId());
    }

    /** An approval by id (the one a past publication carried); empty for null. */
    public Optional<Approval> byId(String id) {
        return find(id);
    }

    /** The highest revision number ever approved for the entry, or null when none was. */
    public Integer lastApprovedRevision(Entry entry) {
        return em.createQuery("SELECT MAX(a.revisionNumber) FROM Approval a WHERE a.entryId = :entry", Integer.class)
                .setParameter("entry", entry.id()).getSingleResult();
    }

    private Optional<Approval> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Approval.class, id));
    }
}
