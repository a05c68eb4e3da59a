package org.sacrum.entries.entity;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;

import java.util.Set;

/**
 * Who is acting, as the workflow rules need to see them. {@code roles} are the roles this request carries: a token's
 * scopes may hold fewer than its owner has.
 */
public record Actor(String personId, String username, String displayName, Set<Role> roles, String credential, boolean demo) {

    /** The person acting with every role they hold (a password sign-in, or the seed). */
    public static Actor of(Person person) {
        return of(person, person.roles());
    }

    public static Actor of(Person person, Set<Role> roles) {
        return new Actor(person.id(), person.username(), person.displayName(), Set.copyOf(roles), person.credential(), person.demo());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
