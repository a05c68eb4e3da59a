package org.sacrum.entries.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.entries.entity.Entry;
import org.sacrum.platform.entity.JobTick;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schedule job: on each {@link JobTick}, publishes the entries whose publishAt has come and withdraws those whose
 * unpublishAt has, each through {@link Workflow} in a transaction of its own with the entry row locked and the time
 * checked again there, so that with several instances ticking at once each due action happens exactly once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledPublishing {
    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());
    /** At most this many of each kind per tick; the rest are due on the next. */
    static final int BATCH = 100;
    @PersistenceContext
    EntityManager em;
    @Inject
    Workflow workflow;

    public void run(@Observes JobTick tick) {
        act(tick, due("publishAt", tick.now()), workflow::publishScheduled);
        act(tick, due("unpublishAt", tick.now()), workflow::withdrawScheduled);
    }

    private List<EntryRef> due(String field, Instant now) {
        return em.createQuery("SELECT e FROM Entry e WHERE e." + field + " <= :now ORDER BY e." + field, Entry.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultStream()
                .map(e -> new EntryRef(e.contentType(), e.slug(), e.locale())).toList();
    }

    private static void act(JobTick tick, List<EntryRef> due, BiFunction<EntryRef, Instant, String> action) {
        for (EntryRef ref : due) {
            try {
                String done = action.apply(ref, tick.now());
                if (done != null) {
                    tick.done().add(done);
                    LOG.info(done);
                }
            } catch (RuntimeException e) { // one entry's failure (a lock timeout, say) must not stop the others
                LOG.log(Level.WARNING, "schedule: " + ref + " failed; it stays due", e);
                tick.done().add("schedule: " + ref + " failed (" + e.getClass().getSimpleName() + "); it stays due");
            }
        }
    }
}
