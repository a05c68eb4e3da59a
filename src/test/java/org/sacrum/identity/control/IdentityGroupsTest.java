package org.sacrum.identity.control;

import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.RoleNames;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The groups (roles) a request gets: "reader" only for a person holding at least one role. */
class IdentityGroupsTest {

    @Test
    void aPersonWithoutRolesGetsNoManagementAccess() {
        assertEquals(Set.of(), PasswordIdentityStore.groups(Set.of(), Set.of()));
    }

    @Test
    void aReadTokenOfAnAuthorReadsButWritesNothing() {
        assertEquals(Set.of(RoleNames.READER), PasswordIdentityStore.groups(EnumSet.of(Role.AUTHOR), Set.of()));
    }

    @Test
    void thePasswordGivesEveryRoleThePersonHolds() {
        assertEquals(Set.of(RoleNames.READER, RoleNames.AUTHOR, RoleNames.ADMIN),
                PasswordIdentityStore.groups(EnumSet.of(Role.AUTHOR, Role.ADMIN), EnumSet.of(Role.AUTHOR, Role.ADMIN)));
    }
}
