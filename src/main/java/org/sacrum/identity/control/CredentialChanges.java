package org.sacrum.identity.control;

import org.sacrum.audit.control.AuditLog;
import org.sacrum.identity.entity.ApiToken;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.NewToken;
import org.sacrum.identity.entity.PasswordChange;
import org.sacrum.identity.entity.PasswordReset;
import org.sacrum.identity.entity.Scope;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes to how people sign in, all audited: passwords (changed by their owner with the current one, reset by an
 * admin) and personal API tokens (issued only to their owner, within the calling token's scopes; revoked by their
 * owner or an admin).
 */
@Stateless
public class CredentialChanges {
    /** A token's lifetime when the request names none. */
    static final int DEFAULT_TOKEN_DAYS = 90;

    @Inject
    People people;
    @Inject
    ApiTokens tokens;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Validator validator;

    /** The person replaces their own password; the current one is checked (and counted by the login throttle). */
    public void changePassword(Person person, PasswordChange request) {
        RequestBodies.valid(validator, request);
        if (!people.reenter(person, request.currentPassword())) {
            throw ProblemException.unprocessable("wrong-password", "The current password is wrong.",
                    List.of(new Violation("currentPassword", "matches", "is not your current password")));
        }
        PasswordStrength.check("newPassword", person.username(), request.newPassword());
        person.passwordHash(people.hash(request.newPassword()));
        audit.record(person.username(), "password-change", person.username());
        if (Boolean.TRUE.equals(request.revokeTokens())) {
            revokeAll(person);
        }
    }

    /** An admin sets a new password for someone who lost theirs; they should replace it at once. */
    public void resetPassword(Person person, PasswordReset request) {
        PasswordStrength.check("newPassword", person.username(), request.newPassword());
        person.passwordHash(people.hash(request.newPassword()));
        audit.record(caller.person().username(), "password-reset", person.username());
        if (Boolean.TRUE.equals(request.revokeTokens())) {
            revokeAll(person);
        }
    }

    /** A new token for the caller themselves, with scopes the calling token (if any) holds. */
    public ApiTokens.Issued issueToken(Person owner, NewToken request) {
        if (!caller.is(owner)) {
            throw impersonation();
        }
        TokenScopes.checkManage(caller.tokenScopes());
        RequestBodies.valid(validator, request);
        Set<Scope> scopes = request.scopes().stream().map(s -> Scope.byId(s).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        TokenScopes.checkIssue(caller.tokenScopes(), scopes);
        int days = request.expiresInDays() == null ? DEFAULT_TOKEN_DAYS : request.expiresInDays();
        ApiTokens.Issued issued = tokens.issue(owner, request.name(), scopes, Instant.now().plus(Duration.ofDays(days)));
        audit.record(caller.person().username(), "token-issue", owner.username() + " token " + issued.token().id() + " " + scopes);
        return issued;
    }

    /** Revokes one of the owner's tokens: by the owner (any token may revoke itself: signing out) or an admin. */
    public ApiToken revokeToken(Person owner, String id) {
        if (caller.is(owner) && caller.tokenId().filter(id::equals).isEmpty()) {
            TokenScopes.checkManage(caller.tokenScopes());
        }
        ApiToken token = tokens.byId(id).filter(t -> t.personId().equals(owner.id()))
                .orElseThrow(() -> ProblemException.notFound("No such token."));
        token.revoke();
        audit.record(caller.person().username(), "token-revoke", owner.username() + " token " + id);
        return token;
    }

    private void revokeAll(Person person) {
        int revoked = 0;
        for (ApiToken token : tokens.of(person)) {
            if (token.revokedAt() == null) {
                token.revoke();
                revoked++;
            }
        }
        audit.record(caller.person().username(), "token-revoke-all", person.username() + " " + revoked + " token(s)");
    }

    /** 403 no-impersonation: admins reset passwords and disable accounts; they do not act as someone else. */
    public static ProblemException impersonation() {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                "Tokens are issued only to their owner: admins reset passwords and disable accounts, they do not act as someone else.",
                List.of(new Violation("username", "no-impersonation", "is not you"))));
    }
}
