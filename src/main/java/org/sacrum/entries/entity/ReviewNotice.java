package org.sacrum.entries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** That an entry's review was announced as due-soon or overdue for one next review date (see {@link EntryReviewDue}). */
@Entity
@Table(name = "review_notice")
@IdClass(ReviewNotice.Key.class)
public class ReviewNotice {
    public static class Key implements Serializable {
        private String entryId;
        private LocalDate nextReviewDue;
        private String currency;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.entryId, entryId) && Objects.equals(k.nextReviewDue, nextReviewDue)
                    && Objects.equals(k.currency, currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, nextReviewDue, currency);
        }
    }

    @Id
    @Column(name = "entry_id")
    private String entryId;
    @Id
    @Column(name = "next_review_due")
    private LocalDate nextReviewDue;
    @Id
    private String currency;
    @Column(name = "announced_at")
    private Instant announcedAt;

    protected ReviewNotice() {
    }

    public ReviewNotice(String entryId, LocalDate nextReviewDue, Currency currency, Instant announcedAt) {
        this.entryId = entryId;
        this.nextReviewDue = nextReviewDue;
        this.currency = currency.id();
        this.announcedAt = announcedAt;
    }
}
