package org.sacrum.entries.entity;

import java.util.List;

/**
 * A section of the editorial review queue: the entries of every type in one workflow state, or the published entries
 * with one review currency (exactly one of the two is set). {@link #ALL} is the queue's order: most urgent first.
 */
public record QueueSection(String id, State state, Currency currency) {
    public static final List<QueueSection> ALL = List.of(
            new QueueSection("awaiting-review", State.IN_REVIEW, null),
            new QueueSection("changes-requested", State.CHANGES_REQUESTED, null),
            new QueueSection("re-review-pending", null, Currency.RE_REVIEW_PENDING),
            new QueueSection("overdue", null, Currency.OVERDUE),
            new QueueSection("due-soon", null, Currency.DUE_SOON),
            new QueueSection("ready-to-publish", State.CLINICALLY_REVIEWED, null),
            new QueueSection("drafts", State.DRAFT, null));
}
