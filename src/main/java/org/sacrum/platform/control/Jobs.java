package org.sacrum.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.platform.entity.JobTick;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the background jobs (review currency, schedules) every {@code sacrum.jobs.interval-seconds} (0: only on
 * request) on the container's managed scheduled executor, by firing a {@link JobTick}. One run at a time per
 * instance; in a cluster every instance runs them, and each job claims what it acts on with a row lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each job's action commits (or fails) on its own
public class Jobs {
    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    @Resource
    ManagedScheduledExecutorService executor;
    @Inject
    Event<JobTick> ticks;
    @Inject
    SacrumClock clock;
    @Inject
    @ConfigProperty(name = "sacrum.jobs.interval-seconds", defaultValue = "60")
    long intervalSeconds;
    private final ReentrantLock running = new ReentrantLock();
    private ScheduledFuture<?> timer;
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        if (intervalSeconds > 0) {
            timer = executor.scheduleWithFixedDelay(this::onTimer, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
            LOG.info(() -> "background jobs run every " + intervalSeconds + " s");
        } else {
            LOG.info("background jobs run only on request (sacrum.jobs.interval-seconds=0)");
        }
    }

    @PreDestroy
    void stop() {
        stopped = true; // on undeploy: no new run starts; one in progress finishes its current transactions
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void onTimer() {
        if (stopped) {
            return;
        }
        try {
            runNow();
        } catch (RuntimeException e) { // a failed run must not end the schedule
            LOG.log(Level.WARNING, "background jobs failed", e);
        }
    }

    /** Runs every job once, now, and says what they did. Waits for a run in progress on this instance. */
    public JobTick runNow() {
        running.lock();
        try {
            JobTick tick = new JobTick(clock.now());
            ticks.fire(tick);
            if (!tick.done().isEmpty()) {
                LOG.info(() -> "background jobs at " + tick.now() + ": " + tick.done().size() + " action(s)");
            }
            return tick;
        } finally {
            running.unlock();
        }
    }
}
