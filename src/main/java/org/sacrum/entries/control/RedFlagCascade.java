package org.sacrum.entries.control;

import jakarta.enterprise.event.Event;
import org.sacrum.entries.entity.EntryReReviewPending;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.LinkManifest;
import org.sacrum.entries.entity.LinkedRevision;
import org.sacrum.platform.control.SacrumClock;

import java.util.ArrayList;
import java.util.List;

/**
 * The red-flag cascade: published entries whose approval covered another revision of a warning go into re-review
 * when that warning is republished or withdrawn. They stay published (readers get the new warning at once through
 * include=warnings); each flag is audited as "re-review-flagged". Runs in the transaction of the publication or
 * withdrawal, so the delivery cache is cleared by that event's commit.
 */
@Stateless
public class RedFlagCascade {
    public static final String FLAGGED = "re-review-flagged";
    /** The longest re-review reason the entry keeps (its column's size). */
    static final int MAX_REASON = 500;

    @PersistenceContext
    EntityManager em;
    @Inject
    LinkedRevisions links;
    @Inject
    AuditLog audit;
    @Inject
    SacrumClock clock;
    @Inject
    Event<EntryReReviewPending> reReviewPending;

    /** The warning is now public as {@code now}: flags every published entry whose approval recorded something else. */
    public List<Entry> republished(Entry warning, LinkedRevision now, String actor) {
        List<Entry> flagged = new ArrayList<>();
        for (Entry locked : lockAll(links.publishedLinkingTo(warning))) {
            LinkedRevision recorded = locked == null || locked.publishedRevision() == null ? null : links.recordedFor(locked, warning);
            if (recorded != null && !LinkManifest.drift(List.of(recorded), List.of(now)).isEmpty()) { // re-checked under the lock
                String reason = "warning " + warning.slug() + " republished as revision " + now.revision();
                flag(locked, reason, reason, actor);
                flagged.add(locked);
            }
        }
        return flagged;
    }

    /**
     * The warning is being withdrawn on purpose (force): every published entry linking to it goes into re-review. The
     * publisher's reason is audited; the entry's own reason (which delivery shows) only names the warning.
     */
    public List<Entry> withdrawn(Entry warning, String why, String actor) {
        List<Entry> flagged = new ArrayList<>();
        for (Entry locked : lockAll(links.publishedLinkingTo(warning))) {
            if (locked != null && locked.publishedRevision() != null) {
                String reason = "warning " + warning.slug() + " withdrawn";
                flag(locked, reason, reason + ": " + why, actor);
                flagged.add(locked);
            }
        }
        return flagged;
    }

    /**
     * Locks every linking entry before the first flag is audited: an audit record takes the audit head's lock, which
     * must be the last lock a transaction takes (AuditLog), or two transactions can wait on each other.
     */
    private List<Entry> lockAll(List<Entry> linking) {
        List<Entry> locked = new ArrayList<>();
        linking.stream().sorted(java.util.Comparator.comparing(Entry::id)) // one order for every transaction
                .forEach(e -> locked.add(em.find(Entry.class, e.id(), LockModeType.PESSIMISTIC_WRITE)));
        return locked;
    }

    private void flag(Entry entry, String reason, String detail, String actor) {
        String kept = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        // the first flag's time stays: it is how long the entry has waited for its clinician
        entry.reReview(kept, entry.reReviewPending() ? entry.reReviewSince() : clock.now());
        audit.record(actor, FLAGGED, entry, entry.publishedRevision(), entry.state().id(), entry.state().id(), detail);
        reReviewPending.fire(new EntryReReviewPending(entry, kept));
    }
}
