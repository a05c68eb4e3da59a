package org.sacrum.webhooks.entity;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SignatureTest {
    /** The Standard Webhooks specification's published example (secret, id, timestamp, body and signature). */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsExampleAsPublished() {
        assertEquals(SPEC_SIGNATURE, Signature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        assertNotEquals(SPEC_SIGNATURE, Signature.sign(SPEC_SECRET, SPEC_ID + "x", SPEC_TIMESTAMP, SPEC_BODY));
        assertNotEquals(SPEC_SIGNATURE, Signature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY));
        assertNotEquals(SPEC_SIGNATURE, Signature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY + " "));
    }

    @Test
    void duringARotationEverySecretSignsSpaceSeparated() {
        String other = WebhookSecret.generate();
        String header = Signature.header(List.of(SPEC_SECRET, other), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(SPEC_SIGNATURE, parts[0]);
        assertEquals(Signature.sign(other, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY), parts[1]);
    }

    @Test
    void generatedSecretsAreWhsecWith32RandomBytes() {
        String a = WebhookSecret.generate();
        assertTrue(a.startsWith("whsec_"), a);
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, WebhookSecret.generate());
    }
}
