package org.sacrum.identity.control;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordStrengthTest {

    @Test
    void commonPasswordsAreRefused() {
        assertFalse(PasswordStrength.problems("ada", "password1234").isEmpty(), "on the common-password list");
        assertFalse(PasswordStrength.problems("ada", "PASSWORD1234").isEmpty(), "whatever the case");
        assertFalse(PasswordStrength.problems("ada", "Password2024!!").isEmpty(), "a common word with digits and symbols added");
        assertFalse(PasswordStrength.problems("ada", "  sunshine!!!").isEmpty(), "padding around a common word");
    }

    @Test
    void repeatsSequencesAndTheUsernameAreRefused() {
        assertFalse(PasswordStrength.problems("ada", "aaaaaaaaaaaa").isEmpty());
        assertFalse(PasswordStrength.problems("ada", "ok fine then xxxx").isEmpty(), "four equal characters in a row");
        assertFalse(PasswordStrength.problems("ada", "my digits 34567 here").isEmpty(), "numerical sequence");
        assertFalse(PasswordStrength.problems("ada", "keys qwerty on a row").isEmpty(), "keyboard sequence");
        assertFalse(PasswordStrength.problems("clara-jones", "i am clara-jones ok").isEmpty(), "contains the username");
    }

    @Test
    void lengthIsBounded() {
        assertFalse(PasswordStrength.problems("ada", "Tr0ub4dor&3").isEmpty(), "11 characters");
        assertFalse(PasswordStrength.problems("ada", "a lengthy one ".repeat(15)).isEmpty(), "over 200 characters");
        assertFalse(PasswordStrength.problems("ada", null).isEmpty());
    }

    @Test
    void passphrasesPass() {
        assertEquals(java.util.List.of(), PasswordStrength.problems("ada", "correct horse battery staple"));
        assertEquals(java.util.List.of(), PasswordStrength.problems("ada", "a long enough password"));
        assertEquals(java.util.List.of(), PasswordStrength.problems("ada", "a brand new passphrase"));
        assertEquals(java.util.List.of(), PasswordStrength.problems("ada", "7hV#q9Lm2!xR"));
    }

    @Test
    void aWeakPasswordIsA422NamingTheFieldAndTheRule() {
        ProblemException e = assertThrows(ProblemException.class, () -> PasswordStrength.check("newPassword", "ada", "password1234"));
        assertEquals(422, e.problem().status());
        assertEquals("newPassword", e.problem().violations().get(0).field());
        assertEquals("password-strength", e.problem().violations().get(0).rule());
        String reasons = e.problem().violations().get(0).message();
        assertTrue(reasons.contains("commonly used"), reasons);
        assertFalse(reasons.contains("password1234"), "the password is not echoed back: " + reasons);
    }
}
