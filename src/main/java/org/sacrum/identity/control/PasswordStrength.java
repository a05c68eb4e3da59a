package org.sacrum.identity.control;

import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.MessageResolver;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.PropertiesMessageResolver;
import org.passay.RepeatCharacterRegexRule;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Refuses weak passwords wherever one is set: 12 to 200 characters, not one of 30,000 common passwords (the list
 * zxcvbn4j ships), not such a password with digits or symbols around it ("Password1234!"), no run of four equal
 * characters, no five-character alphabetical, numerical or keyboard sequence, and not containing the username.
 */
public final class PasswordStrength {
    public static final String RULE = "password-strength";
    private static final String COMMON_PASSWORDS = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    private static final PasswordValidator VALIDATOR = validator();

    private PasswordStrength() {
    }

    /** Why this password is too weak for this username (empty when it is fine). */
    public static List<String> problems(String username, String password) {
        if (password == null) {
            return List.of("Password is required.");
        }
        PasswordData data = new PasswordData(username == null ? "" : username, password);
        RuleResult result = VALIDATOR.validate(data);
        return result.isValid() ? List.of() : VALIDATOR.getMessages(result).stream().distinct().toList();
    }

    /** Throws a 422 naming the field and the rule {@value #RULE}, with the reasons, when the password is weak. */
    public static void check(String field, String username, String password) {
        List<String> problems = problems(username, password);
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("weak-password", "Choose a stronger password: " + String.join(" ", problems),
                    List.of(new Violation(field, RULE, String.join(" ", problems))));
        }
    }

    private static PasswordValidator validator() {
        DictionaryRule common = new DictionaryRule(new WordListDictionary(commonPasswords()));
        return new PasswordValidator(messages(),
                new LengthRule(12, 200),
                common,
                stripped(common),
                new RepeatCharacterRegexRule(4),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
                new UsernameRule(true, true));
    }

    /** Passay's messages, except those that would echo the password itself back. */
    private static MessageResolver messages() {
        Properties messages = new Properties();
        messages.putAll(PropertiesMessageResolver.getDefaultProperties());
        messages.setProperty("ILLEGAL_WORD", "Password is a commonly used password, or one with only digits or symbols added.");
        messages.setProperty("ILLEGAL_WORD_REVERSED", "Password is a commonly used password reversed.");
        messages.setProperty("ILLEGAL_REPEATED_CHARS", "Password repeats a character %1$s or more times in a row.");
        return new PropertiesMessageResolver(messages);
    }

    /** The dictionary rule applied to the password without the digits, symbols and spaces at either end. */
    private static Rule stripped(DictionaryRule rule) {
        return data -> {
            String core = data.getPassword().replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
            if (core.isEmpty() || core.equals(data.getPassword())) {
                return new RuleResult(true);
            }
            return rule.validate(new PasswordData(data.getUsername(), core));
        };
    }

    private static ArrayWordList commonPasswords() {
        try (InputStream in = PasswordStrength.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list " + COMMON_PASSWORDS + " is not on the class path");
            }
            return WordLists.createFromReader(new Reader[]{new InputStreamReader(in, StandardCharsets.UTF_8)}, false, new ArraysSort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
