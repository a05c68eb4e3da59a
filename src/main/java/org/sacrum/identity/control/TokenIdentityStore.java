package org.sacrum.identity.control;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Checks a bearer token: known, not expired, not revoked, owner active. Its roles are the owner's, cut down by its scopes. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {
    /** The token's scopes travel as groups with this prefix; the authentication mechanism takes them off again. */
    public static final String SCOPE_GROUP = "scope:";
    /** Likewise the token's id, so that a token may always revoke itself (signing out). */
    public static final String ID_GROUP = "token:";

    @Inject
    ApiTokens tokens;

    @Inject
    People people;

    public CredentialValidationResult validate(TokenCredential credential) {
        return tokens.find(credential.token())
                .filter(t -> t.usableAt(Instant.now()))
                .flatMap(t -> people.byId(t.personId()).filter(Person::active).map(p -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    t.scopes().forEach(s -> roles.addAll(s.roles()));
                    roles.retainAll(p.roles());
                    Set<String> groups = PasswordIdentityStore.groups(p.roles(), roles);
                    t.scopes().forEach(s -> groups.add(SCOPE_GROUP + s.id()));
                    groups.add(ID_GROUP + t.id());
                    return new CredentialValidationResult(p.username(), groups);
                }))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
