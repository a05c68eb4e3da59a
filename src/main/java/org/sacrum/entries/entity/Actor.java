package org.sacrum.entries.entity;

import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;

import java.util.Set;

/** Who is acting, as the workflow rules need to see them. */
public record Actor(String personId, String username, String displayName, Set<Role> roles, String credential, boolean demo) {

    public static Actor of(Person person) {
        return new Actor(person.id(), person.username(), person.displayName(), person.roles(), person.credential(), person.demo());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
