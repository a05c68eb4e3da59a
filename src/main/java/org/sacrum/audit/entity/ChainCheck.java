package org.sacrum.audit.entity;

import java.util.Objects;

/**
 * Walks the audit chain record by record in id order, holding only the previous hash, and remembers the first
 * broken link: a record whose stored hash is not the hash of its columns ({@code hash-mismatch}: it was altered),
 * whose prev_hash is not the previous record's hash ({@code prev-mismatch}: a record before it was deleted or
 * altered along with its hash, or records were reordered), or a record the head names that is not there
 * ({@code missing}: the newest records were deleted).
 */
public final class ChainCheck {
    public record Broken(Long id, String expected, String found, String why, String detail) {
    }

    public record Result(boolean verified, long records, String head, Broken firstBroken) {
    }

    /** What audit_head says the newest record is; null when the head row itself is gone. */
    public record Head(long lastId, String hash) {
    }

    private String previous = AuditChain.GENESIS;
    private long records;
    private long lastId;
    private Broken first;

    /** The next record in id order with the hash stored for it. */
    public void next(AuditChain.Fields record, String storedHash) {
        records++;
        lastId = record.id();
        if (first == null) {
            String recomputed = AuditChain.hash(record);
            if (!recomputed.equals(storedHash)) {
                first = new Broken(record.id(), recomputed, storedHash, "hash-mismatch",
                        "the record's stored hash is not the hash of its columns: the record was changed");
            } else if (!Objects.equals(previous, record.prevHash())) {
                first = new Broken(record.id(), previous, record.prevHash(), "prev-mismatch",
                        "the record does not point at the record before it: a record was deleted, reordered or rewritten");
            }
        }
        previous = storedHash;
    }

    /** The verdict once every record up to the head has been seen. */
    public Result end(Head head) {
        if (first == null) {
            if (head == null) {
                first = new Broken(null, previous, null, "missing", "the chain's head (audit_head) is missing");
            } else if (head.lastId() > lastId) {
                first = new Broken(head.lastId(), head.hash(), null, "missing",
                        "the newest record the chain's head names is not there: records at the end were deleted");
            } else if (!Objects.equals(head.hash(), previous)) {
                first = new Broken(lastId, head.hash(), previous, "hash-mismatch",
                        "the newest record's hash is not the one the chain's head recorded: it was rewritten");
            }
        }
        return new Result(first == null, records, head == null ? previous : head.hash(), first);
    }
}
