package org.sacrum.audit.control;

import org.sacrum.audit.entity.AuditChain;
import org.sacrum.audit.entity.AuditEvent;
import org.sacrum.audit.entity.AuditHead;
import org.sacrum.audit.entity.AuditedEntry;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;

/**
 * Writes and reads the append-only audit log. Writes join the caller's transaction: no change without its record.
 * Each record is chained to the one before it (see {@link AuditChain}) under the lock of the audit_head row, held
 * until the caller's transaction ends: concurrent writers append one after another, and a rolled-back
 * transaction leaves neither its record nor a link to it. Two rules follow for callers: lock the rows a
 * transaction changes (EntryQueries.lock) before its first audit record, so that the head is always the last lock
 * taken and two writers cannot wait on each other; and never start a REQUIRES_NEW transaction that audits from
 * one that already has, which would wait on its own caller's lock.
 */
@Stateless
public class AuditLog {
    private static final int CHAIN_BATCH = 500;

    @PersistenceContext
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transaction;

    public void record(String actor, String action, AuditedEntry entry, Integer revision, String from, String to, String detail) {
        AuditHead head = lockHead();
        chainUnchained(head, Integer.MAX_VALUE);
        AuditEvent event = new AuditEvent(actor, action, entry == null ? null : entry.id(),
                entry == null ? null : entry.typeId(), entry == null ? null : entry.slug(), revision, from, to, detail);
        em.persist(event); // the id comes from audit_seq here, after the lock: ids rise in chain order
        head.advance(event.id(), event.link(head.hash()));
    }

    public void record(String actor, String action, String detail) {
        record(actor, action, null, null, null, null, detail);
    }

    /**
     * Chains up to {@code limit} records written without a hash (before the chain existed, migration V4) in their own
     * transaction; returns how many. Startup calls it until none are left.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int chainUnchained(int limit) {
        return chainUnchained(lockHead(), limit);
    }

    /**
     * Takes the chain's head for this transaction now, before the caller locks anything else. Every audited change
     * takes it anyway and holds it to the commit; taken first, it gives all of them one lock order, so a change that
     * writes shared rows before its audit record (a publication counting facet values) and one that writes them after
     * (a withdrawal) cannot deadlock on each other (CrashIT found that on H2).
     */
    public void serialize() {
        lockHead();
    }

    /**
     * The head, locked once per transaction: locking it again would refresh it from the database and lose this
     * transaction's unflushed advance, forking the chain at the second record of one transaction.
     */
    private AuditHead lockHead() {
        if (transaction.getResource(AuditHead.class) != null) {
            return em.find(AuditHead.class, AuditHead.ID);
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head is missing: the audit chain cannot be extended (see migration V4)");
        }
        transaction.putResource(AuditHead.class, Boolean.TRUE);
        return head;
    }

    /** Usually finds nothing: one look along the primary key past the head. */
    private int chainUnchained(AuditHead head, int limit) {
        int chained = 0;
        while (chained < limit) {
            List<AuditEvent> unchained = em.createQuery("SELECT a FROM AuditEvent a WHERE a.id > :last AND a.hash IS NULL ORDER BY a.id",
                            AuditEvent.class).setParameter("last", head.lastId()).setFlushMode(FlushModeType.COMMIT)
                    .setMaxResults(Math.min(CHAIN_BATCH, limit - chained)).getResultList();
            if (unchained.isEmpty()) {
                break;
            }
            for (AuditEvent event : unchained) {
                String hash = AuditChain.hash(event.fields().withPrevHash(head.hash()));
                em.createNativeQuery("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL")
                        .setParameter(1, head.hash()).setParameter(2, hash).setParameter(3, event.id()).executeUpdate();
                head.advance(event.id(), hash);
                chained++;
            }
        }
        return chained;
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
