package org.sacrum.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.sacrum.webhooks.entity.OutboxWritten;

/**
 * Wakes the dispatcher once a transaction that wrote outbox deliveries has committed: an edge purge within a second.
 * The dispatcher registers a plain callback: an EJB call from a transaction's completion fails (no transaction to
 * suspend and resume there).
 */
@ApplicationScoped
public class OutboxNudge {
    private volatile Runnable listener = () -> { };

    void listen(Runnable wake) {
        listener = wake;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        listener.run();
    }
}
