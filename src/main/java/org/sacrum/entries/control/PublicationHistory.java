package org.sacrum.entries.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;
import org.sacrum.entries.entity.Publication;
import org.sacrum.platform.control.SacrumClock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The publication history: which revision of each entry was public from when to when. Written in the transaction of
 * every publication and withdrawal, whoever makes it (a person, the schedule, a job), by observing the events
 * {@link org.sacrum.entries.control.Workflow} fires; read by point-in-time reads, the 410 of a withdrawn entry and
 * the change feed.
 */
@Stateless
public class PublicationHistory {
    @PersistenceContext
    EntityManager em;
    @Inject
    RevisionStore revisions;
    @Inject
    SacrumClock clock;

    /** A publication opens an interval; a republication first ends the previous one (no withdrawal for the public). */
    public void published(@Observes EntryPublished event) {
        Entry entry = event.entry();
        // the instant the entry records and delivery shows as publishedAt, so that a read as of then shows the same
        Instant now = entry.publishedAt() != null ? entry.publishedAt() : clock.now();
        open(entry.id()).ifPresent(previous -> previous.replaced(now));
        int number = entry.publishedRevision();
        em.persist(new Publication(nextSeq(), entry, number, revisions.get(entry, number).contentHash(),
                entry.publishedApprovalId(), now));
    }

    /** A withdrawal ends the open interval with its category; archiving an entry that was never public changes nothing. */
    public void withdrawn(@Observes EntryWithdrawn event) {
        open(event.entry().id()).ifPresent(row -> row.withdrawn(clock.now(), nextSeq(), event.withdrawal()));
    }

    private Optional<Publication> open(String entryId) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.entryId = :entry AND p.withdrawnAt IS NULL", Publication.class)
                .setParameter("entry", entryId).getResultStream().findFirst();
    }

    /** From the audit sequence: change feed cursors from before the history (audit ids) stay valid and increasing. */
    private long nextSeq() {
        return ((Number) em.createNativeQuery("SELECT nextval('audit_seq')").getSingleResult()).longValue();
    }

    /** Every interval of the entry, oldest first. */
    public List<Publication> of(String entryId) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.entryId = :entry ORDER BY p.publishedAt, p.id", Publication.class)
                .setParameter("entry", entryId).getResultList();
    }

    /** The entry's latest interval, if it was ever public. */
    public Optional<Publication> latest(String entryId) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.entryId = :entry ORDER BY p.publishedAt DESC, p.id DESC", Publication.class)
                .setParameter("entry", entryId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The intervals public at the instant among these slugs of a type and locale, in slug order. */
    public List<Publication> publicAt(ContentType type, String locale, Collection<String> slugs, Instant at) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Publication p WHERE p.contentType = :type AND p.locale = :locale AND p.slug IN :slugs"
                        + " AND p.publishedAt <= :at AND (p.withdrawnAt IS NULL OR p.withdrawnAt > :at) ORDER BY p.slug", Publication.class)
                .setParameter("type", type).setParameter("locale", locale).setParameter("slugs", slugs).setParameter("at", at)
                .getResultList();
    }

    /** A page of the intervals public at the instant of a type and locale, in slug order. */
    public List<Publication> publicAt(ContentType type, String locale, Instant at, int offset, int limit) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.contentType = :type AND p.locale = :locale"
                        + " AND p.publishedAt <= :at AND (p.withdrawnAt IS NULL OR p.withdrawnAt > :at) ORDER BY p.slug", Publication.class)
                .setParameter("type", type).setParameter("locale", locale).setParameter("at", at)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Slugs of a type's entries public at the instant whose published revision then linked to the target, read from the
     * link manifest of the approval each was published under (an approval covers one exact revision and records every
     * link of it): the first {@code limit} in slug order, and how many in all. Publications whose approval has no
     * manifest (made before V6) are not here: {@link #publicWithoutManifestAt} gives them, a set that no longer grows.
     */
    public List<String> linkingAt(ContentType type, ContentType target, String slug, String locale, Instant at, int limit) {
        return em.createNativeQuery("SELECT DISTINCT p.slug FROM publication p JOIN approval_link l ON l.approval_id = p.approval_id"
                        + LINKING_AT + " ORDER BY p.slug FETCH FIRST " + limit + " ROWS ONLY")
                .setParameter(1, target.name()).setParameter(2, slug).setParameter(3, type.name()).setParameter(4, locale)
                .setParameter(5, java.sql.Timestamp.from(at)).setParameter(6, java.sql.Timestamp.from(at)).getResultList().stream().map(Object::toString).toList();
    }

    /** How many {@link #linkingAt} would give without a limit. */
    public long countLinkingAt(ContentType type, ContentType target, String slug, String locale, Instant at) {
        return ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT p.slug) FROM publication p JOIN approval_link l"
                        + " ON l.approval_id = p.approval_id" + LINKING_AT)
                .setParameter(1, target.name()).setParameter(2, slug).setParameter(3, type.name()).setParameter(4, locale)
                .setParameter(5, java.sql.Timestamp.from(at)).setParameter(6, java.sql.Timestamp.from(at)).getSingleResult()).longValue();
    }

    private static final String LINKING_AT = " WHERE l.link_type = ? AND l.slug = ? AND p.content_type = ? AND p.locale = ?"
            + " AND p.published_at <= ? AND (p.withdrawn_at IS NULL OR p.withdrawn_at > ?)";

    /** The intervals public at the instant among these types whose approval recorded no link manifest (or none at all). */
    public List<Publication> publicWithoutManifestAt(Collection<ContentType> types, String locale, Instant at) {
        return em.createQuery("SELECT p FROM Publication p WHERE p.contentType IN :types AND p.locale = :locale"
                        + " AND p.publishedAt <= :at AND (p.withdrawnAt IS NULL OR p.withdrawnAt > :at) AND (p.approvalId IS NULL"
                        + " OR EXISTS (SELECT a FROM Approval a WHERE a.id = p.approvalId AND a.linkManifestHash IS NULL)) ORDER BY p.slug",
                        Publication.class)
                .setParameter("types", types).setParameter("locale", locale).setParameter("at", at).getResultList();
    }

    /** One line of the change feed: a publication (opening an interval) or a withdrawal (ending one with a category). */
    public record Change(long cursor, boolean published, Publication publication) {
        public Instant at() {
            return published ? publication.publishedAt() : publication.withdrawnAt();
        }
    }

    /** Publications and withdrawals after the cursor, oldest first; a republication's end of the previous interval is none. */
    public List<Change> changes(long after, int limit) {
        List<Publication> opened = em.createQuery("SELECT p FROM Publication p WHERE p.id > :after ORDER BY p.id", Publication.class)
                .setParameter("after", after).setMaxResults(limit).getResultList();
        List<Publication> closed = em.createQuery("SELECT p FROM Publication p WHERE p.withdrawnSeq > :after ORDER BY p.withdrawnSeq",
                Publication.class).setParameter("after", after).setMaxResults(limit).getResultList();
        return merged(opened, closed, limit);
    }

    /** Both streams in cursor order, at most {@code limit}. */
    static List<Change> merged(List<Publication> opened, List<Publication> closed, int limit) {
        List<Change> all = new java.util.ArrayList<>();
        opened.forEach(p -> all.add(new Change(p.id(), true, p)));
        closed.forEach(p -> all.add(new Change(p.withdrawnSeq(), false, p)));
        all.sort(java.util.Comparator.comparingLong(Change::cursor));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }
}
