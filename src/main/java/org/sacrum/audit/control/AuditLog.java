package org.sacrum.audit.control;

import org.sacrum.audit.entity.AuditEvent;
import org.sacrum.audit.entity.AuditedEntry;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;

/** Writes and reads the append-only audit log. Writes join the caller's transaction: no change without its record. */
@Stateless
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    public void record(String actor, String action, AuditedEntry entry, Integer revision, String from, String to, String detail) {
        em.persist(new AuditEvent(actor, action, entry == null ? null : entry.id(),
                entry == null ? null : entry.typeId(), entry == null ? null : entry.slug(), revision, from, to, detail));
    }

    public void record(String actor, String action, String detail) {
        record(actor, action, null, null, null, null, detail);
    }

    /** Events of these actions after the given id, oldest first. */
    public List<AuditEvent> readActions(List<String> actions, long afterId, int limit) {
        return em.createQuery("SELECT a FROM AuditEvent a WHERE a.id > :after AND a.action IN :actions ORDER BY a.id", AuditEvent.class)
                .setParameter("after", afterId).setParameter("actions", actions).setMaxResults(limit).getResultList();
    }

    /** Events after the given id (0 for the start), oldest first, optionally for one entry. */
    public List<AuditEvent> read(String entryId, long afterId, int limit) {
        String jpql = "SELECT a FROM AuditEvent a WHERE a.id > :after" + (entryId == null ? "" : " AND a.entryId = :entry")
                + " ORDER BY a.id";
        TypedQuery<AuditEvent> query = em.createQuery(jpql, AuditEvent.class).setParameter("after", afterId).setMaxResults(limit);
        if (entryId != null) {
            query.setParameter("entry", entryId);
        }
        return query.getResultList();
    }
}
