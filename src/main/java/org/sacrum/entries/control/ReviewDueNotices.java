package org.sacrum.entries.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.entries.entity.Currency;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryReviewDue;
import org.sacrum.entries.entity.ReviewCurrency;
import org.sacrum.entries.entity.ReviewNotice;
import org.sacrum.platform.entity.JobTick;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * On each {@link JobTick}, announces ({@link EntryReviewDue}) every published entry whose review has fallen due-soon
 * or overdue and was not yet announced so for its current next review date: each once, however often the job runs;
 * an entry first seen overdue is announced overdue only. A pending re-review is announced by the red-flag cascade.
 */
@Stateless
public class ReviewDueNotices {
    /** At most this many notices per run; the rest follow on the next run. */
    static final int PER_RUN = 200;
    @PersistenceContext
    EntityManager em;
    @Inject
    WorkflowLoader loader;
    @Inject
    Event<EntryReviewDue> reviewDue;

    public void run(@Observes JobTick tick) {
        LocalDate today = LocalDate.ofInstant(tick.now(), ZoneOffset.UTC);
        int dueSoonDays = loader.definition().dueSoonDays();
        List<Object[]> due = em.createQuery("SELECT e, a.nextReviewDue FROM Entry e, Approval a WHERE a.id = e.publishedApprovalId"
                        + " AND e.publishedRevision IS NOT NULL AND e.reReviewReason IS NULL AND a.nextReviewDue <= :window"
                        + " AND NOT EXISTS (SELECT n.entryId FROM ReviewNotice n WHERE n.entryId = e.id"
                        + " AND n.nextReviewDue = a.nextReviewDue AND n.currency = CASE WHEN a.nextReviewDue < :today"
                        + " THEN 'overdue' ELSE 'due-soon' END) ORDER BY a.nextReviewDue, e.id", Object[].class)
                .setParameter("window", today.plusDays(dueSoonDays)).setParameter("today", today)
                .setMaxResults(PER_RUN).getResultList();
        for (Object[] row : due) {
            Entry entry = (Entry) row[0];
            LocalDate nextReviewDue = (LocalDate) row[1];
            Currency currency = ReviewCurrency.of(false, nextReviewDue, today, dueSoonDays, null).currency();
            em.persist(new ReviewNotice(entry.id(), nextReviewDue, currency, tick.now()));
            reviewDue.fire(new EntryReviewDue(entry, currency, nextReviewDue)); // a notice, not a change: not in tick.done()
        }
    }
}
