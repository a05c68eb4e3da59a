package org.sacrum.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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

    @PostConstruct
    void start() {
        if (intervalSeconds > 0) {
            timer = executor.scheduleWithFixedDelay(this::onTimer, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void onTimer() {
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
            return tick;
        } finally {
            running.unlock();
        }
    }
}
