package org.sacrum.entries.control;

import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.entity.RevisionSummary;
import org.sacrum.entries.entity.Transition;

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

    /** A page of an entry's revisions without their content, oldest first: a history page reads no content. */
    public List<RevisionSummary> summaries(Entry entry, int offset, int limit) {
        return em.createQuery("SELECT r.number, r.contentHash, r.authorId, r.createdAt, r.changeNote, r.restoredFrom FROM Revision r"
                        + " WHERE r.entryId = :entry ORDER BY r.number", Object[].class).setParameter("entry", entry.id())
                .setFirstResult(offset).setMaxResults(limit).getResultStream().map(RevisionSummary::of).toList();
    }

    /** Who wrote each of an entry's revisions and what each restored, without their content: (number, authorId, restoredFrom). */
    public List<RevisionSummary> authorship(Entry entry) {
        return em.createQuery("SELECT r.number, r.authorId, r.restoredFrom FROM Revision r WHERE r.entryId = :entry", Object[].class)
                .setParameter("entry", entry.id()).getResultStream()
                .map(row -> RevisionSummary.of(new Object[]{row[0], null, row[1], null, null, row[2]})).toList();
    }

    /** The facts the workflow rules judge of these entries' latest revisions, by entry id: one query for a list's page, no content. */
    public java.util.Map<String, Transition.RevisionFacts> latestFacts(List<Entry> entries) {
        if (entries.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Transition.RevisionFacts> byEntry = new java.util.HashMap<>();
        em.createQuery("SELECT r.entryId, r.number, r.contentHash, r.authorId FROM Revision r, Entry e"
                        + " WHERE r.entryId = e.id AND r.number = e.latestRevision AND e.id IN :ids", Object[].class)
                .setParameter("ids", entries.stream().map(Entry::id).toList()).getResultList()
                .forEach(row -> byEntry.put((String) row[0], new Transition.RevisionFacts(((Number) row[1]).intValue(), (String) row[2], (String) row[3])));
        return byEntry;
    }

    public Revision latest(Entry entry) {
        return get(entry, entry.latestRevision());
    }
}
