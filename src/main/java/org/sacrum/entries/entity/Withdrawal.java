package org.sacrum.entries.entity;

import org.sacrum.content.entity.TextLimits;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why and how an entry was withdrawn: its category, an optional reason for readers, (only when superseded) the slug
 * of the entry of the same type and locale that replaces it, and {@code force}: a warning that published entries
 * still link to is withdrawn only with force and a reason, which puts each of them into re-review (rule
 * warning-still-linked). Without a body a withdrawal is {@link #RETIRED}, not forced.
 */
public record Withdrawal(WithdrawalCategory category, String reason, String successor, boolean force) {
    /** The longest reason kept (it also becomes part of each linked entry's re-review reason). */
    public static final int MAX_REASON = 300;
    public static final int MAX_SLUG = 120;
    public static final Withdrawal RETIRED = new Withdrawal(WithdrawalCategory.RETIRED, null, null, false);
    private static final Pattern SLUG = Pattern.compile(TextLimits.SLUG_PATTERN);

    public Withdrawal(WithdrawalCategory category, String reason, String successor) {
        this(category, reason, successor, false);
    }

    /** An automatic withdrawal (a job's), with its category and reason. */
    public static Withdrawal automatic(WithdrawalCategory category, String reason) {
        return new Withdrawal(category, reason, null, false);
    }

    public boolean forced() {
        return force;
    }

    /** The withdrawal a request asks for (null: the default); a request breaking a rule is a 422 naming each field. */
    public static Withdrawal of(WithdrawalRequest request, String ownSlug) {
        if (request == null) {
            return RETIRED;
        }
        List<Violation> broken = new ArrayList<>();
        WithdrawalCategory category = WithdrawalCategory.RETIRED;
        if (request.category() != null) {
            category = WithdrawalCategory.byId(request.category()).orElse(null);
            if (category == null) {
                broken.add(new Violation("category", "one-of", "must be one of " + WithdrawalCategory.ids()));
            }
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        boolean force = Boolean.TRUE.equals(request.force());
        if (reason != null && reason.length() > MAX_REASON) {
            broken.add(new Violation("reason", "max-length", "must be at most " + MAX_REASON + " characters"));
        }
        if (reason != null && reason.chars().anyMatch(Character::isISOControl)) {
            broken.add(new Violation("reason", "no-control-characters", "must be one line of text"));
        }
        if (force && reason == null) {
            broken.add(new Violation("reason", "force-reason-required", "is required with force"));
        }
        String successor = request.successor();
        if (successor != null) {
            if (successor.length() > MAX_SLUG || !SLUG.matcher(successor).matches()) {
                broken.add(new Violation("successor", "slug", "must be the slug of an entry of the same type and locale"));
            } else if (successor.equals(ownSlug)) {
                broken.add(new Violation("successor", "successor-not-self", "an entry cannot succeed itself"));
            }
            if (category != null && category != WithdrawalCategory.SUPERSEDED) {
                broken.add(new Violation("successor", "successor-only-superseded",
                        "a successor is named only with category superseded"));
            }
        }
        if (!broken.isEmpty()) {
            throw ProblemException.unprocessable("invalid-request", "The withdrawal breaks " + broken.size() + " rule(s).", broken);
        }
        return new Withdrawal(category, reason, successor, force);
    }
}
