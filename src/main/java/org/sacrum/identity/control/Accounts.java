package org.sacrum.identity.control;

import org.sacrum.audit.control.AuditLog;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.TreeSet;

/**
 * What admins do to accounts, each audited: add people, grant and revoke roles, disable and enable. The last active
 * admin can be neither disabled nor lose the admin role.
 */
@Stateless
public class Accounts {
    @Inject
    People people;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;

    /** Adds the person with this password (checked for strength); 409 username-taken when the username is. */
    public Person create(Person person, String password) {
        PasswordStrength.check("password", person.username(), password);
        if (people.byUsername(person.username()).isPresent()) {
            throw People.usernameTaken();
        }
        people.create(person, password);
        audit.record(caller.person().username(), "person-create", person.username() + " with roles " + new TreeSet<>(person.roles()));
        return person;
    }

    public void grant(Person person, Role role) {
        if (role == Role.CLINICIAN && person.credential() == null) {
            throw ProblemException.unprocessable("credential-missing", "A clinician needs a recorded profession and registration.",
                    List.of(new Violation("role", "clinician-credential", "the person has no recorded credential")));
        }
        person.grant(role);
        audit.record(caller.person().username(), "role-grant", person.username() + " +" + role.id());
    }

    public void revoke(Person person, Role role) {
        if (role == Role.ADMIN) {
            keepAnActiveAdmin(person);
        }
        person.revoke(role);
        audit.record(caller.person().username(), "role-revoke", person.username() + " -" + role.id());
    }

    /** Disabled people can neither sign in nor use their tokens, from the very next request; nothing is deleted. */
    public void disable(Person person) {
        keepAnActiveAdmin(person);
        person.active(false);
        audit.record(caller.person().username(), "person-disable", person.username());
    }

    public void enable(Person person) {
        person.active(true);
        audit.record(caller.person().username(), "person-enable", person.username());
    }

    /** Refuses to leave Sacrum without an active admin: FirstAdmin would not create one again, and nobody could manage people. */
    private void keepAnActiveAdmin(Person person) {
        if (person.has(Role.ADMIN) && person.active()
                && people.activeWithRoleLocked(Role.ADMIN).stream().noneMatch(p -> !p.id().equals(person.id()))) {
            throw ProblemException.conflict("last-admin", "This is the last active admin; make someone else admin first.",
                    List.of(new Violation("username", "last-active-admin", "is the last active admin")));
        }
    }
}
