package org.sacrum.audit.control;

import org.sacrum.audit.entity.AuditEvent;
import org.sacrum.audit.entity.AuditHead;
import org.sacrum.audit.entity.ChainCheck;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Recomputes the audit chain from the first record to the one audit_head names, a page at a time by id (the
 * persistence context is cleared after each page, so 100,000 records take no more memory than one page).
 * Records appended while it runs lie past the head it read first and are left for the next verification.
 */
@Stateless
public class ChainVerification {
    private static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    public ChainCheck.Result verify() {
        AuditHead stored = em.find(AuditHead.class, AuditHead.ID);
        ChainCheck.Head head = stored == null ? null : new ChainCheck.Head(stored.lastId(), stored.hash());
        long upTo = head == null ? Long.MAX_VALUE : head.lastId();
        em.clear();
        ChainCheck check = new ChainCheck();
        long after = 0;
        while (true) {
            List<AuditEvent> page = em.createQuery("SELECT a FROM AuditEvent a WHERE a.id > :after AND a.id <= :upTo ORDER BY a.id",
                    AuditEvent.class).setParameter("after", after).setParameter("upTo", upTo).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent event : page) {
                check.next(event.fields(), event.hash());
            }
            after = page.get(page.size() - 1).id();
            em.clear();
        }
        return check.end(head);
    }
}
