package org.sacrum.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Sacrum's time: every rule that depends on "now" (review dates, schedules, grace periods) reads it here. Tests move
 * it over HTTP (PUT /api/manage/clock) when {@code sacrum.clock.adjustable} is true; production leaves it false, and
 * then it is the system clock.
 */
@ApplicationScoped
public class SacrumClock {
    @Inject
    @ConfigProperty(name = "sacrum.clock.adjustable", defaultValue = "false")
    boolean adjustable;
    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Moves this instance's clock so that it reads {@code now} at once and runs on from there. */
    public void set(Instant now) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable");
        }
        offset = Duration.between(Instant.now(), now);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }
}
