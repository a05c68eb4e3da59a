package org.sacrum.identity.control;

import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.RoleNames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.HashSet;
import java.util.Set;

/** Checks a username and password against the person table. */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {
    @Inject
    People people;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return people.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(p -> new CredentialValidationResult(p.username(), groups(p.roles(), p.roles())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * A person holding at least one role may read management views ("reader"), whatever the token's scopes; a person
     * with no role has no management access. The other groups are the roles the request may use.
     */
    static Set<String> groups(Set<Role> personRoles, Set<Role> usable) {
        Set<String> groups = new HashSet<>();
        if (!personRoles.isEmpty()) {
            groups.add(RoleNames.READER);
        }
        usable.forEach(r -> groups.add(r.id()));
        return groups;
    }
}
