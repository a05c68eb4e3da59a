package org.sacrum.entries.entity;

import org.sacrum.platform.entity.RuleCode;
import org.sacrum.platform.entity.Violation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When an entry is to be published ({@code publishAt}) and withdrawn ({@code unpublishAt}) by the schedule job;
 * either may be null (not scheduled). {@link #violations} holds the rules a publisher's new schedule must keep.
 */
public record Schedule(Instant publishAt, Instant unpublishAt) {
    /** How far ahead a schedule may reach. */
    public static final Duration HORIZON = Duration.ofDays(731);

    public enum Rules implements RuleCode {
        IN_FUTURE("schedule-in-future", "must be later than now"),
        WITHIN_HORIZON("schedule-within-horizon", "must be at most two years ahead"),
        UNPUBLISH_AFTER_PUBLISH("unpublish-after-publish", "must be later than publishAt"),
        NOTHING_TO_WITHDRAW("unpublish-needs-publication", "the entry is not published and no publishAt is set: there would be nothing to withdraw");

        private final String code;
        private final String message;

        Rules(String code, String message) {
            this.code = code;
            this.message = message;
        }

        @Override
        public String code() {
            return code;
        }

        Violation on(String field) {
            return new Violation(field, code, message);
        }
    }

    public boolean empty() {
        return publishAt == null && unpublishAt == null;
    }

    /** The broken rules of this schedule set at {@code now} on an entry that is (or is not) published; empty: none. */
    public List<Violation> violations(Instant now, boolean published) {
        List<Violation> broken = new ArrayList<>();
        time("publishAt", publishAt, now, broken);
        time("unpublishAt", unpublishAt, now, broken);
        if (publishAt != null && unpublishAt != null && !unpublishAt.isAfter(publishAt)) {
            broken.add(Rules.UNPUBLISH_AFTER_PUBLISH.on("unpublishAt"));
        }
        if (unpublishAt != null && publishAt == null && !published) {
            broken.add(Rules.NOTHING_TO_WITHDRAW.on("unpublishAt"));
        }
        return broken;
    }

    private static void time(String field, Instant at, Instant now, List<Violation> broken) {
        if (at == null) {
            return;
        }
        if (!at.isAfter(now)) {
            broken.add(Rules.IN_FUTURE.on(field));
        } else if (at.isAfter(now.plus(HORIZON))) {
            broken.add(Rules.WITHIN_HORIZON.on(field));
        }
    }

    /** For the audit log. */
    public String describe() {
        return empty() ? "schedule cleared" : "publishAt " + (publishAt == null ? "none" : publishAt)
                + ", unpublishAt " + (unpublishAt == null ? "none" : unpublishAt);
    }
}
