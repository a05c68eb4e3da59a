package org.sacrum.entries.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.ApprovalLink;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.LinkDrift;
import org.sacrum.entries.entity.LinkManifest;
import org.sacrum.entries.entity.LinkedRevision;
import org.sacrum.platform.control.Hashes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Approval link manifests: what every entry an approved revision links to was at approval time (recorded with the
 * approval), what it is now, and which published entries an approval manifest ties to a given entry.
 */
@Stateless
public class LinkedRevisions {
    @PersistenceContext
    EntityManager em;
    @Inject
    EntryQueries entries;
    @Inject
    RevisionStore revisions;

    public static String hash(Collection<LinkedRevision> manifest) {
        return Hashes.sha256(LinkManifest.json(manifest));
    }

    /** Every link of the content (all link kinds), as the linked entries are now, in canonical order. */
    public List<LinkedRevision> now(String locale, Content content) {
        List<LinkedRevision> items = new ArrayList<>();
        for (Map.Entry<ContentType, List<String>> link : content.links().entrySet()) {
            link.getValue().forEach(slug -> items.add(now(new EntryRef(link.getKey(), slug, locale))));
        }
        return LinkManifest.canonical(items);
    }

    private LinkedRevision now(EntryRef ref) {
        Entry linked = entries.find(ref).orElse(null);
        if (linked == null) {
            return new LinkedRevision(ref.type(), ref.slug(), false, null, null);
        }
        boolean published = linked.publishedRevision() != null;
        int number = published ? linked.publishedRevision() : linked.latestRevision();
        return new LinkedRevision(ref.type(), ref.slug(), published, number, revisions.get(linked, number).contentHash());
    }

    /** Persists the new approval with the manifest's hash, and the manifest's lines after it (they refer to it). */
    public void persist(Approval approval, List<LinkedRevision> manifest) {
        List<LinkedRevision> canonical = LinkManifest.canonical(manifest);
        approval.coversLinks(hash(canonical));
        em.persist(approval);
        em.flush();
        for (int i = 0; i < canonical.size(); i++) {
            em.persist(new ApprovalLink(approval.id(), i, canonical.get(i)));
        }
    }

    /** The approval's manifest, or null when the approval predates manifests. */
    public List<LinkedRevision> recorded(Approval approval) {
        if (approval.linkManifestHash() == null) {
            return null;
        }
        return em.createNamedQuery("ApprovalLink.ofApproval", ApprovalLink.class).setParameter("approval", approval.id())
                .getResultStream().map(ApprovalLink::linked).toList();
    }

    /** The manifests of these approvals, by approval id, in one query; an approval that predates manifests maps to null. */
    public Map<String, List<LinkedRevision>> recorded(Collection<Approval> approvals) {
        Map<String, List<LinkedRevision>> byApproval = new java.util.HashMap<>();
        List<String> ids = new ArrayList<>();
        approvals.forEach(a -> {
            byApproval.put(a.id(), a.linkManifestHash() == null ? null : new ArrayList<>());
            if (a.linkManifestHash() != null) {
                ids.add(a.id());
            }
        });
        if (!ids.isEmpty()) {
            em.createQuery("SELECT l FROM ApprovalLink l WHERE l.approvalId IN :ids ORDER BY l.approvalId, l.itemIndex", ApprovalLink.class)
                    .setParameter("ids", ids).getResultStream().forEach(l -> byApproval.get(l.approvalId()).add(l.linked()));
        }
        return byApproval;
    }

    /** The links whose public revision changed since the approval; null when the approval has no manifest. */
    public List<LinkDrift> drift(Entry entry, Approval approval) {
        List<LinkedRevision> recorded = recorded(approval);
        if (recorded == null) {
            return null;
        }
        List<LinkedRevision> now = recorded.stream().map(r -> now(new EntryRef(r.type(), r.slug(), entry.locale()))).toList();
        return LinkManifest.drift(recorded, now);
    }

    /**
     * As {@link #drift(Entry, Approval)} for many entries at once, given their approvals' manifests (null: the approval
     * has none, and so is its drift): the linked entries are read for all of them together, not two queries per link.
     */
    public Map<String, List<LinkDrift>> drift(Map<Entry, List<LinkedRevision>> recordedByEntry) {
        java.util.Set<EntryRef> refs = new java.util.HashSet<>();
        recordedByEntry.forEach((entry, recorded) -> {
            if (recorded != null) {
                recorded.forEach(r -> refs.add(new EntryRef(r.type(), r.slug(), entry.locale())));
            }
        });
        Map<EntryRef, LinkedRevision> now = now(refs);
        Map<String, List<LinkDrift>> drift = new java.util.HashMap<>();
        recordedByEntry.forEach((entry, recorded) -> drift.put(entry.id(), recorded == null ? null : LinkManifest.drift(recorded,
                recorded.stream().map(r -> now.get(new EntryRef(r.type(), r.slug(), entry.locale()))).toList())));
        return drift;
    }

    /** The entries these refs name as they are now ({@link #now(EntryRef)}): a query per type and locale for the entries, one for their hashes. */
    private Map<EntryRef, LinkedRevision> now(java.util.Set<EntryRef> refs) {
        Map<EntryRef, LinkedRevision> now = new java.util.HashMap<>();
        refs.forEach(ref -> now.put(ref, new LinkedRevision(ref.type(), ref.slug(), false, null, null))); // until found
        Map<String, Entry> found = new java.util.HashMap<>();
        Map<String, List<String>> slugsByTypeAndLocale = new java.util.HashMap<>();
        refs.forEach(ref -> slugsByTypeAndLocale.computeIfAbsent(ref.type().name() + "|" + ref.locale(), k -> new ArrayList<>()).add(ref.slug()));
        slugsByTypeAndLocale.forEach((key, slugs) -> {
            ContentType type = ContentType.valueOf(key.substring(0, key.indexOf('|')));
            String locale = key.substring(key.indexOf('|') + 1);
            for (int from = 0; from < slugs.size(); from += CHUNK) {
                em.createQuery("SELECT e FROM Entry e WHERE e.contentType = :type AND e.locale = :locale AND e.slug IN :slugs", Entry.class)
                        .setParameter("type", type).setParameter("locale", locale)
                        .setParameter("slugs", slugs.subList(from, Math.min(slugs.size(), from + CHUNK)))
                        .getResultStream().forEach(e -> found.put(e.id(), e));
            }
        });
        List<String> ids = List.copyOf(found.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.createQuery("SELECT r.entryId, r.number, r.contentHash FROM Revision r, Entry e WHERE r.entryId = e.id AND e.id IN :ids"
                            + " AND r.number = COALESCE(e.publishedRevision, e.latestRevision)", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultStream().forEach(row -> {
                        Entry e = found.get((String) row[0]);
                        now.put(new EntryRef(e.contentType(), e.slug(), e.locale()), new LinkedRevision(e.contentType(), e.slug(),
                                e.publishedRevision() != null, ((Number) row[1]).intValue(), (String) row[2]));
                    });
        }
        return now;
    }

    /** The most values one IN list carries (databases bound a statement's parameters). */
    private static final int CHUNK = 1000;

    /**
     * The published entries (any type, same locale) whose published approval's manifest lists the target, in type and
     * slug order. Entries published on an approval without a manifest are not found here.
     */
    public List<Entry> publishedLinkingTo(Entry target) {
        return em.createQuery("SELECT e FROM Entry e, ApprovalLink l WHERE l.approvalId = e.publishedApprovalId"
                        + " AND l.linkType = :type AND l.slug = :slug AND e.locale = :locale AND e.publishedRevision IS NOT NULL"
                        + " AND e.id <> :self ORDER BY e.contentType, e.slug", Entry.class)
                .setParameter("type", target.contentType()).setParameter("slug", target.slug())
                .setParameter("locale", target.locale()).setParameter("self", target.id()).getResultList();
    }

    /** The line the entry's published approval recorded for the target, if any. */
    public LinkedRevision recordedFor(Entry linking, Entry target) {
        return em.createQuery("SELECT l FROM ApprovalLink l WHERE l.approvalId = :approval AND l.linkType = :type AND l.slug = :slug",
                        ApprovalLink.class).setParameter("approval", linking.publishedApprovalId())
                .setParameter("type", target.contentType()).setParameter("slug", target.slug())
                .getResultStream().map(ApprovalLink::linked).findFirst().orElse(null);
    }
}
