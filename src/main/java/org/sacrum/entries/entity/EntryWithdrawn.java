package org.sacrum.entries.entity;

/**
 * Fired in the transaction that takes an entry's published revision off the public API (unpublish or archive, by a
 * person or a job), with the withdrawal's category; fired too when an entry that was never public is archived.
 */
public record EntryWithdrawn(Entry entry, Withdrawal withdrawal) {
    /** A withdrawal without a stated reason: {@link Withdrawal#RETIRED}. */
    public EntryWithdrawn(Entry entry) {
        this(entry, Withdrawal.RETIRED);
    }
}
