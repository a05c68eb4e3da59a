package org.sacrum.entries.entity;

import org.sacrum.content.entity.TextLimits;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why and how an entry was withdrawn: its category, an optional reason for readers, and (only when superseded) the
 * slug of the entry of the same type and locale that replaces it. Without a body a withdrawal is {@link #RETIRED}.
 */
public record Withdrawal(WithdrawalCategory category, String reason, String successor) {
    public static final int MAX_REASON = 500;
    public static final int MAX_SLUG = 120;
    public static final Withdrawal RETIRED = new Withdrawal(WithdrawalCategory.RETIRED, null, null);
    private static final Pattern SLUG = Pattern.compile(TextLimits.SLUG_PATTERN);

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
        if (reason != null && reason.length() > MAX_REASON) {
            broken.add(new Violation("reason", "max-length", "must be at most " + MAX_REASON + " characters"));
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
        return new Withdrawal(category, reason, successor);
    }
}
