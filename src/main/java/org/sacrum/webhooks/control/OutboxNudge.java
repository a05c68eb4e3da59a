package org.sacrum.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.sacrum.webhooks.entity.OutboxWritten;

/** Wakes the dispatcher once a transaction that wrote outbox deliveries has committed: an edge purge within a second. */
@ApplicationScoped
public class OutboxNudge {
    @Inject
    Dispatcher dispatcher;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        dispatcher.nudge();
    }
}
