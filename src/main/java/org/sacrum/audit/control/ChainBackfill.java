package org.sacrum.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * At startup, chains the audit records written before the chain existed (a database migrated to V4 with its
 * log), oldest first, 1000 per transaction, so that the whole log is covered, not only what comes after.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class ChainBackfill {
    private static final Logger LOG = Logger.getLogger(ChainBackfill.class.getName());

    @Inject
    AuditLog audit;

    @PostConstruct
    void chainOlderRecords() {
        long total = 0;
        int chained;
        while ((chained = audit.chainUnchained(1000)) > 0) {
            total += chained;
        }
        if (total > 0) {
            long done = total;
            LOG.info(() -> "Chained " + done + " audit record(s) written before the audit chain existed");
        }
    }
}
