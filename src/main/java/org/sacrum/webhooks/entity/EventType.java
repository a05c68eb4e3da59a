package org.sacrum.webhooks.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a subscription can hear about; the id is what payloads and requests carry. */
public enum EventType {
    PUBLISHED("entry.published"),
    WITHDRAWN("entry.withdrawn"),
    RE_REVIEW_PENDING("entry.re-review-pending"),
    REVIEW_DUE("entry.review-due"),
    SCHEDULE_FAILED("entry.schedule-failed");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every id, in declaration order: what a subscription may name. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(EventType::id).toList();
    }

    public static Optional<EventType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** Published and withdrawn change what the public sees: the edge caches are purged for them. */
    public boolean purgesEdge() {
        return this == PUBLISHED || this == WITHDRAWN;
    }
}
