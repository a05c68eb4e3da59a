package org.sacrum.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row naming the newest audit record and its hash. Appending takes this row's lock first, in the same
 * transaction as the insert, so that concurrent writers append one after another and the chain never forks.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {
    public static final int ID = 1;

    @Id
    private Integer id;
    @Column(name = "last_id")
    private long lastId;
    @Column(name = "hash")
    private String hash;

    protected AuditHead() {
    }

    public long lastId() {
        return lastId;
    }

    public String hash() {
        return hash;
    }

    public void advance(long id, String newHash) {
        this.lastId = id;
        this.hash = newHash;
    }
}
