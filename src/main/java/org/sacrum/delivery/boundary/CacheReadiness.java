package org.sacrum.delivery.boundary;

import org.sacrum.delivery.control.CacheHealth;
import org.sacrum.delivery.control.ResponseCache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready is DOWN while the response cache's data grid is unusable (next to the database check). */
@Readiness
@ApplicationScoped
public class CacheReadiness implements HealthCheck {
    @Inject
    ResponseCache cache;

    @Override
    public HealthCheckResponse call() {
        CacheHealth health;
        try {
            health = cache.health();
        } catch (RuntimeException | LinkageError e) {
            health = new CacheHealth(false, "the response cache failed: " + e.getClass().getSimpleName());
        }
        return HealthCheckResponse.named("response-cache").status(health.up()).withData("detail", health.detail()).build();
    }
}
