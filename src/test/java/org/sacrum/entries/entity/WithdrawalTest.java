package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WithdrawalTest {
    private static List<Violation> refused(WithdrawalRequest request) {
        ProblemException e = assertThrows(ProblemException.class, () -> Withdrawal.of(request, "old-slug"));
        assertEquals(422, e.problem().status());
        return e.problem().violations();
    }

    private static boolean has(List<Violation> violations, String field, String rule) {
        return violations.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule));
    }

    @Test
    void noBodyOrNoCategoryIsRetired() {
        assertEquals(Withdrawal.RETIRED, Withdrawal.of(null, "old-slug"));
        assertEquals(WithdrawalCategory.RETIRED, Withdrawal.of(new WithdrawalRequest(null, null, null, null), "old-slug").category());
        assertEquals(WithdrawalCategory.RETIRED, Withdrawal.of(new WithdrawalRequest(null, "Nobody does this any more.", null, null), "old-slug").category());
    }

    @Test
    void categoriesReasonAndSuccessor() {
        Withdrawal w = Withdrawal.of(new WithdrawalRequest("superseded", "  Replaced by the updated guidance.  ", "new-slug", null), "old-slug");
        assertEquals(WithdrawalCategory.SUPERSEDED, w.category());
        assertEquals("Replaced by the updated guidance.", w.reason());
        assertEquals("new-slug", w.successor());
        assertEquals(WithdrawalCategory.CLINICAL_SAFETY, Withdrawal.of(new WithdrawalRequest("clinical-safety", " ", null, null), "s").category());
        assertNull(Withdrawal.of(new WithdrawalRequest("clinical-safety", " ", null, null), "s").reason(), "a blank reason is none");
        assertEquals(WithdrawalCategory.SUPERSEDED, Withdrawal.of(new WithdrawalRequest("superseded", null, null, null), "s").category(),
                "superseded by something outside Sacrum names no successor");
    }

    @Test
    void brokenRulesAreNamedByField() {
        assertTrue(has(refused(new WithdrawalRequest("obsolete", null, null, null)), "category", "one-of"));
        assertTrue(has(refused(new WithdrawalRequest("Retired", null, null, null)), "category", "one-of"));
        assertTrue(has(refused(new WithdrawalRequest("retired", "x".repeat(301), null, null)), "reason", "max-length"));
        assertTrue(has(refused(new WithdrawalRequest("retired", null, "new-slug", null)), "successor", "successor-only-superseded"));
        assertTrue(has(refused(new WithdrawalRequest(null, null, "new-slug", null)), "successor", "successor-only-superseded"),
                "the default category is retired, which names no successor");
        assertTrue(has(refused(new WithdrawalRequest("superseded", null, "old-slug", null)), "successor", "successor-not-self"));
        assertTrue(has(refused(new WithdrawalRequest("superseded", null, "../warnings/x", null)), "successor", "slug"));
        assertTrue(has(refused(new WithdrawalRequest("superseded", null, "a".repeat(121), null)), "successor", "slug"));
        assertEquals(300, Withdrawal.of(new WithdrawalRequest("retired", "x".repeat(300), null, null), "s").reason().length());
    }

    @Test
    void forceNeedsAOneLineReason() {
        assertTrue(has(refused(new WithdrawalRequest(null, null, null, true)), "reason", "force-reason-required"));
        assertTrue(has(refused(new WithdrawalRequest(null, "line one\nline two", null, true)), "reason", "no-control-characters"));
        assertTrue(Withdrawal.of(new WithdrawalRequest(null, "Superseded by updated guidance", null, true), "s").forced());
        assertFalse(Withdrawal.of(new WithdrawalRequest(null, "Retired", null, false), "s").forced());
    }
}
