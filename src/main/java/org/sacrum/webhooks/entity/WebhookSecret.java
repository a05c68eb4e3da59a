package org.sacrum.webhooks.entity;

import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret in the Standard Webhooks format: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes the HMAC uses: the base64 after the prefix. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
