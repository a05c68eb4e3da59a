package org.sacrum.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log's hash chain: each record's hash is the SHA-256 (lower-case hex) of the canonical JSON of all its
 * columns, prev_hash included, and prev_hash is the hash of the record before it (the first record's is 64 zeros).
 * <p>
 * Canonical JSON: one object, keys are the column names sorted by code point, no whitespace, every column present
 * (an empty column is an explicit {@code null}), strings escaped as below, numbers as plain decimal integers, and
 * {@code at} as UTC with exactly six fraction digits ({@code 2026-03-03T10:00:00.123456Z}): microseconds, what a
 * TIMESTAMP column keeps on both H2 and PostgreSQL.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Every column of an audit_event row except its own hash. */
    public record Fields(long id, Instant at, String actor, String action, String entryId, String contentType, String slug,
                         Integer revisionNumber, String fromState, String toState, String detail, String prevHash) {
        public Fields withPrevHash(String previous) {
            return new Fields(id, at, actor, action, entryId, contentType, slug, revisionNumber, fromState, toState, detail, previous);
        }
    }

    private AuditChain() {
    }

    /** The precision a record's time is kept at, so that the hash survives a round trip through the database. */
    public static Instant kept(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String canonical(Fields f) {
        Map<String, Object> columns = new TreeMap<>();
        columns.put("id", f.id());
        columns.put("at", f.at() == null ? null : AT.format(kept(f.at())));
        columns.put("actor", f.actor());
        columns.put("action", f.action());
        columns.put("entry_id", f.entryId());
        columns.put("content_type", f.contentType());
        columns.put("slug", f.slug());
        columns.put("revision_number", f.revisionNumber());
        columns.put("from_state", f.fromState());
        columns.put("to_state", f.toState());
        columns.put("detail", f.detail());
        columns.put("prev_hash", f.prevHash());
        StringBuilder json = new StringBuilder("{");
        columns.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, key);
            json.append(':');
            if (value == null) {
                json.append("null");
            } else if (value instanceof String s) {
                string(json, s);
            } else {
                json.append(((Number) value).longValue());
            }
        });
        return json.append('}').toString();
    }

    public static String hash(Fields f) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(f).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON string: quote, backslash and control characters escaped (short forms where JSON has them), the rest as is. */
    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
