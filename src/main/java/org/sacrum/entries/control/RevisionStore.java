package org.sacrum.entries.control;

import org.sacrum.entries.entity.Revision;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.entries.entity.Entry;
import org.sacrum.platform.entity.ProblemException;

import java.util.List;

/** Appends and reads an entry's immutable revisions. */
@Stateless
public class RevisionStore {
    @PersistenceContext
    EntityManager em;

    public Revision append(Entry entry, String canonicalJson, String contentHash, String authorId, String changeNote,
                           Integer restoredFrom) {
        Revision revision = new Revision(entry.id(), entry.latestRevision() + 1, canonicalJson, contentHash, authorId,
                changeNote, restoredFrom);
        em.persist(revision);
        entry.newRevision(revision.number());
        return revision;
    }

    public List<Revision> of(Entry entry) {
        return em.createNamedQuery("Revision.ofEntry", Revision.class).setParameter("entry", entry.id()).getResultList();
    }

    public Revision get(Entry entry, int number) {
        return em.createNamedQuery("Revision.byNumber", Revision.class).setParameter("entry", entry.id())
                .setParameter("number", number).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Revision " + number + " of " + entry.slug() + " does not exist."));
    }

    /** A page of an entry's revisions, oldest first. */
    public List<Revision> of(Entry entry, int offset, int limit) {
        return em.createNamedQuery("Revision.ofEntry", Revision.class).setParameter("entry", entry.id())
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The latest revisions of these entries, by entry id: one query for a list's page. */
    public java.util.Map<String, Revision> latest(List<Entry> entries) {
        if (entries.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Revision> byEntry = new java.util.HashMap<>();
        em.createQuery("SELECT r FROM Revision r, Entry e WHERE r.entryId = e.id AND r.number = e.latestRevision AND e.id IN :ids", Revision.class)
                .setParameter("ids", entries.stream().map(Entry::id).toList()).getResultList().forEach(r -> byEntry.put(r.entryId(), r));
        return byEntry;
    }

    public Revision latest(Entry entry) {
        return get(entry, entry.latestRevision());
    }
}
