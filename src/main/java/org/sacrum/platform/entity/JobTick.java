package org.sacrum.platform.entity;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fired (synchronously) each time the background jobs run, on a timer or on an admin's request. Each component's job
 * observes it, does what is due at {@code now} and says what it did in {@link #done}. Every due action must be safe
 * to attempt on several instances at once (lock the row, then check it is still due): each instance runs the jobs.
 */
public record JobTick(Instant now, List<String> done) {
    public JobTick(Instant now) {
        this(now, new CopyOnWriteArrayList<>());
    }

    /** The audit actor of automatic actions. */
    public static final String SYSTEM = "system";
}
