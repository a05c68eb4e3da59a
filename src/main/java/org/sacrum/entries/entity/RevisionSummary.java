package org.sacrum.entries.entity;

import java.time.Instant;

/** A revision without its content: what a history page lists (the content is read only for one revision at a time). */
public record RevisionSummary(int number, String contentHash, String authorId, Instant createdAt, String changeNote,
                              Integer restoredFrom) {
    /** The columns {@code number, contentHash, authorId, createdAt, changeNote, restoredFrom} of a projection, in that order. */
    public static RevisionSummary of(Object[] row) {
        return new RevisionSummary(((Number) row[0]).intValue(), (String) row[1], (String) row[2], (Instant) row[3],
                (String) row[4], row[5] == null ? null : ((Number) row[5]).intValue());
    }

    public static RevisionSummary of(Revision r) {
        return new RevisionSummary(r.number(), r.contentHash(), r.authorId(), r.createdAt(), r.changeNote(), r.restoredFrom());
    }
}
