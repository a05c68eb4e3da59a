package org.sacrum.entries.control;

import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.Entry;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds an entry's approvals: the one of its latest revisions (if any), and the one its published revision carries. */
@Stateless
public class Approvals {
    @PersistenceContext
    EntityManager em;
    /** The shared cache is asked through the factory: asked through em outside a transaction, Payara closed that em twice. */
    @PersistenceUnit
    EntityManagerFactory factory;

    /** Approvals are immutable: the shared cache's instances as they are, not a copy of each for this persistence context. */
    private static final String READ_ONLY = "eclipselink.read-only";

    /** The approvals these entries point at (current and published), by id, in one query at most: a list's page, not a query per entry. */
    public Map<String, Approval> load(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> {
            if (e.approvalId() != null) {
                ids.add(e.approvalId());
            }
            if (e.publishedApprovalId() != null) {
                ids.add(e.publishedApprovalId());
            }
        });
        Map<String, Approval> byId = new HashMap<>();
        // approvals never change and JPA's shared cache keeps them: only those it lacks are queried (often none)
        jakarta.persistence.Cache shared = factory.getCache();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Approval cached = shared.contains(Approval.class, id) ? em.find(Approval.class, id, Map.of(READ_ONLY, true)) : null;
            if (cached != null) {
                byId.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            em.createQuery("SELECT a FROM Approval a WHERE a.id IN :ids", Approval.class).setParameter("ids", missing)
                    .setHint(READ_ONLY, true).getResultList().forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

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
