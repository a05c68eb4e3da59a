package org.sacrum.entries.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.entries.entity.CurrencyPolicy;
import org.sacrum.entries.entity.Entry;
import org.sacrum.platform.entity.JobTick;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The currency job: on each {@link JobTick}, withdraws every published entry whose type's policy is
 * withdraw-after-grace and whose next review date plus the grace days has passed. Warnings never (the loader refuses
 * the policy for them, and they are skipped here too). Each withdrawal is its own transaction
 * ({@link Workflow#withdrawOverdue}), so one failure does not undo the others.
 */
@Stateless
public class OverdueWithdrawals {
    private static final Logger LOG = Logger.getLogger(OverdueWithdrawals.class.getName());
    /** At most this many withdrawals per run; the rest follow on the next run. */
    static final int PER_RUN = 200;
    @PersistenceContext
    EntityManager em;
    @Inject
    WorkflowLoader loader;
    @Inject
    Workflow workflow;

    public void run(@Observes JobTick tick) {
        LocalDate today = LocalDate.ofInstant(tick.now(), ZoneOffset.UTC);
        for (ContentType type : ContentType.values()) {
            CurrencyPolicy policy = loader.definition().currency(type);
            if (type == ContentType.WARNING || policy.withdrawalGraceDays() == null) {
                continue;
            }
            // due + grace before today, i.e. due before today - grace
            List<Entry> due = em.createQuery("SELECT e FROM Entry e, Approval a WHERE a.id = e.publishedApprovalId"
                            + " AND e.publishedRevision IS NOT NULL AND e.contentType = :type AND a.nextReviewDue < :cutoff"
                            + " ORDER BY e.slug, e.locale", Entry.class)
                    .setParameter("type", type).setParameter("cutoff", today.minusDays(policy.withdrawalGraceDays()))
                    .setMaxResults(PER_RUN).getResultList();
            for (Entry entry : due) {
                EntryRef ref = new EntryRef(type, entry.slug(), entry.locale());
                try {
                    String done = workflow.withdrawOverdue(ref, tick);
                    if (done != null) {
                        tick.done().add(done);
                    }
                } catch (RuntimeException e) { // the others still run (an EJBException from its own rolled-back transaction)
                    LOG.log(Level.WARNING, "Could not withdraw overdue " + ref, e);
                    tick.done().add("failed to withdraw " + ref + ": " + e.getClass().getSimpleName());
                }
            }
        }
    }
}
