package org.sacrum.identity.control;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Scope;
import org.sacrum.platform.entity.RoleNames;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.sacrum.platform.entity.ProblemException;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/** The person behind the current request, as Jakarta Security authenticated them. */
@RequestScoped
public class Caller {
    /** Request attribute holding the calling token's scopes, set by {@link SacrumAuthenticationMechanism}. */
    public static final String TOKEN_SCOPES = "org.sacrum.identity.tokenScopes";
    public static final String TOKEN_ID = "org.sacrum.identity.tokenId";

    @Inject
    SecurityContext security;

    @Inject
    People people;

    @Inject
    HttpServletRequest request;

    public Person person() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw ProblemException.unauthenticated("Sign in with a token or password.");
        }
        return people.byUsername(principal.getName())
                .orElseThrow(() -> ProblemException.forbidden("Your account no longer exists."));
    }

    /** Signed in with management access: an active person holding at least one role (a person with none has no access). */
    public boolean signedIn() {
        return security.getCallerPrincipal() != null && security.isCallerInRole(RoleNames.READER);
    }

    /** The scopes of the token this request came with; empty when the caller signed in with a password. */
    @SuppressWarnings("unchecked")
    public Optional<Set<Scope>> tokenScopes() {
        Object scopes = request.getAttribute(TOKEN_SCOPES);
        return scopes instanceof Set<?> set ? Optional.of(Set.copyOf((Set<Scope>) set)) : Optional.empty();
    }

    /** The id of the token this request came with, if it came with one. */
    public Optional<String> tokenId() {
        return Optional.ofNullable((String) request.getAttribute(TOKEN_ID));
    }

    /** Whether this caller is that person. */
    public boolean is(Person person) {
        return person().id().equals(person.id());
    }
}
