package org.sacrum.identity.control;

import org.sacrum.identity.entity.Scope;

import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may manage tokens. A caller signed in with a password may; a caller using a token needs the token's
 * {@code admin} scope, and may only issue tokens whose scopes are among its own: a token never mints a broader one.
 */
public final class TokenScopes {
    public static final String MANAGE_RULE = "token-management-scope";
    public static final String SUBSET_RULE = "token-scope-subset";

    private TokenScopes() {
    }

    /** {@code callerToken} is the scopes of the token the request came with, empty for a password sign-in. */
    public static void checkManage(Optional<Set<Scope>> callerToken) {
        if (callerToken.isPresent() && !callerToken.get().contains(Scope.ADMIN)) {
            throw forbidden("Managing tokens needs a password sign-in or a token with the admin scope.",
                    new Violation("", MANAGE_RULE, "the token lacks the admin scope"));
        }
    }

    public static void checkIssue(Optional<Set<Scope>> callerToken, Set<Scope> requested) {
        checkManage(callerToken);
        if (callerToken.isPresent() && !callerToken.get().containsAll(requested)) {
            Set<Scope> beyond = EnumSet.copyOf(requested);
            beyond.removeAll(callerToken.get());
            String names = beyond.stream().map(Scope::id).collect(Collectors.joining(", "));
            throw forbidden("A token may only issue tokens with scopes it holds itself.",
                    new Violation("scopes", SUBSET_RULE, "beyond the calling token's scopes: " + names));
        }
    }

    private static ProblemException forbidden(String detail, Violation violation) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail, List.of(violation)));
    }
}
