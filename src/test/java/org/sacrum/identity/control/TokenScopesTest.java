package org.sacrum.identity.control;

import org.sacrum.identity.entity.Scope;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.ProblemException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenScopesTest {
    private static final Set<Scope> ALL = EnumSet.allOf(Scope.class);

    @Test
    void aPasswordSignInMayIssueAnyScopes() {
        assertDoesNotThrow(() -> TokenScopes.checkIssue(Optional.empty(), ALL));
        assertDoesNotThrow(() -> TokenScopes.checkManage(Optional.empty()));
    }

    @Test
    void aTokenWithoutTheAdminScopeManagesNoTokens() {
        for (Set<Scope> scopes : Set.of(EnumSet.of(Scope.READ), EnumSet.of(Scope.READ, Scope.WRITE, Scope.REVIEW, Scope.PUBLISH))) {
            ProblemException e = assertThrows(ProblemException.class, () -> TokenScopes.checkManage(Optional.of(scopes)));
            assertEquals(403, e.problem().status());
            assertEquals(TokenScopes.MANAGE_RULE, e.problem().violations().get(0).rule());
            assertThrows(ProblemException.class, () -> TokenScopes.checkIssue(Optional.of(scopes), EnumSet.of(Scope.READ)));
        }
    }

    @Test
    void aTokenIssuesOnlyScopesItHolds() {
        Optional<Set<Scope>> caller = Optional.of(EnumSet.of(Scope.READ, Scope.ADMIN));
        assertDoesNotThrow(() -> TokenScopes.checkIssue(caller, EnumSet.of(Scope.READ)));
        assertDoesNotThrow(() -> TokenScopes.checkIssue(caller, EnumSet.of(Scope.READ, Scope.ADMIN)));
        ProblemException e = assertThrows(ProblemException.class, () -> TokenScopes.checkIssue(caller, ALL));
        assertEquals(403, e.problem().status());
        assertEquals("scopes", e.problem().violations().get(0).field());
        assertEquals(TokenScopes.SUBSET_RULE, e.problem().violations().get(0).rule());
        assertTrue(e.problem().violations().get(0).message().contains("write"));
        assertTrue(e.problem().violations().get(0).message().contains("publish"));
    }
}
