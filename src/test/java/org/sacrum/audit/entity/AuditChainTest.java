package org.sacrum.audit.entity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-03-03T10:00:00.123456789Z");

    static AuditChain.Fields record(long id, String detail, String prev) {
        return new AuditChain.Fields(id, AT, "clara", "approve", "e-1", "exercise", "pelvic-tilt", 3, "in-review", "approved", detail, prev);
    }

    @Test
    void canonicalFormHasSortedKeysNoWhitespaceExplicitNullsAndMicroseconds() {
        AuditChain.Fields f = new AuditChain.Fields(7, AT, "admin", "person-create", null, null, null, null, null, null,
                "first admin account 'admin'", AuditChain.GENESIS);
        assertEquals("{\"action\":\"person-create\",\"actor\":\"admin\",\"at\":\"2026-03-03T10:00:00.123456Z\",\"content_type\":null,"
                + "\"detail\":\"first admin account 'admin'\",\"entry_id\":null,\"from_state\":null,\"id\":7,"
                + "\"prev_hash\":\"" + "0".repeat(64) + "\",\"revision_number\":null,\"slug\":null,\"to_state\":null}", AuditChain.canonical(f));
    }

    @Test
    void everyColumnCountsIncludingTheIdAndThePreviousHash() {
        String base = AuditChain.hash(record(5, "d", AuditChain.GENESIS));
        assertEquals(64, base.length());
        assertTrue(base.matches("[0-9a-f]{64}"));
        assertNotEquals(base, AuditChain.hash(record(6, "d", AuditChain.GENESIS)), "the id");
        assertNotEquals(base, AuditChain.hash(record(5, "e", AuditChain.GENESIS)), "the detail");
        assertNotEquals(base, AuditChain.hash(record(5, null, AuditChain.GENESIS)), "null is not a value");
        assertNotEquals(base, AuditChain.hash(record(5, "d", "1".repeat(64))), "the previous hash");
        AuditChain.Fields f = record(5, "d", AuditChain.GENESIS);
        assertNotEquals(base, AuditChain.hash(new AuditChain.Fields(5, AT.plusNanos(1000), f.actor(), f.action(), f.entryId(),
                f.contentType(), f.slug(), f.revisionNumber(), f.fromState(), f.toState(), f.detail(), f.prevHash())), "a microsecond");
        assertEquals(base, AuditChain.hash(new AuditChain.Fields(5, AT.plusNanos(1), f.actor(), f.action(), f.entryId(),
                f.contentType(), f.slug(), f.revisionNumber(), f.fromState(), f.toState(), f.detail(), f.prevHash())),
                "below a microsecond nothing is kept by the database, so nothing counts");
    }

    @Test
    void theHashIsSha256OfTheCanonicalUtf8() throws Exception {
        AuditChain.Fields f = record(9, "Übung \uD83E\uDD30 \"quoted\" back\\slash\nline\ttab\u0001", AuditChain.GENESIS);
        String canonical = AuditChain.canonical(f);
        assertTrue(canonical.contains("\"detail\":\"Übung \uD83E\uDD30 \\\"quoted\\\" back\\\\slash\\nline\\ttab\\u0001\""), canonical);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))),
                AuditChain.hash(f));
        assertTrue(jakarta.json.Json.createReader(new java.io.StringReader(canonical)).readObject().getString("detail").startsWith("Übung"),
                "the canonical form is valid JSON");
    }

    @Test
    void aDetailIsShortenedWithoutSplittingACharacter() {
        String emoji = "a".repeat(1996) + "\uD83E\uDD30" + "b".repeat(10);
        String shortened = AuditEvent.shortened(emoji);
        assertEquals("a".repeat(1996) + "...", shortened);
        assertEquals("a".repeat(1997) + "...", AuditEvent.shortened("a".repeat(2001)));
        assertEquals("x".repeat(2000), AuditEvent.shortened("x".repeat(2000)));
    }
}
