package org.sacrum.audit.entity;

/** What the audit log records of an entry a change was made to. */
public interface AuditedEntry {
    String id();

    String typeId();

    String slug();
}
