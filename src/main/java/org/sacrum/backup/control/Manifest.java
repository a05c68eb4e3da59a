package org.sacrum.backup.control;


import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.Violation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and SHA-256 per kind over an export's lines: the digest of a kind is over its lines' exact UTF-8 bytes,
 * each followed by "\n", in file order, so `grep '^{"kind":"revision",' file | sha256sum` gives the same hash.
 */
final class Manifest {
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

    Manifest() {
        for (String kind : BackupTables.kinds()) {
            counts.put(kind, 0L);
            digests.put(kind, sha256());
        }
    }

    void add(String kind, byte[] line) {
        MessageDigest digest = digests.get(kind);
        digest.update(line);
        digest.update((byte) '\n');
        counts.merge(kind, 1L, Long::sum);
    }

    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    long count(String kind) {
        return counts.get(kind);
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        digests.forEach((kind, digest) -> {
            try {
                hashes.put(kind, HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        });
        return hashes;
    }

    JsonObject toJson() {
        JsonObjectBuilder c = Json.createObjectBuilder();
        counts.forEach(c::add);
        JsonObjectBuilder h = Json.createObjectBuilder();
        hashes().forEach(h::add);
        return Json.createObjectBuilder().add("kind", BackupTables.MANIFEST).add("counts", c).add("sha256", h).build();
    }

    /** What differs between the lines read and what the export's manifest line says of them. */
    List<Violation> differences(JsonObject manifest, String at) {
        List<Violation> found = new ArrayList<>();
        JsonObject claimedCounts = object(manifest, "counts");
        JsonObject claimedHashes = object(manifest, "sha256");
        Map<String, String> hashes = hashes();
        for (String kind : BackupTables.kinds()) {
            JsonValue count = claimedCounts == null ? null : claimedCounts.get(kind);
            if (claimedCounts != null && claimedHashes != null && count == null && claimedHashes.get(kind) == null && counts.get(kind) == 0) {
                continue; // an export made before this kind existed: it holds none of it, and says nothing of it
            }
            if (!(count instanceof JsonNumber n) || !n.isIntegral() || n.longValue() != counts.get(kind)) {
                found.add(new Violation(at + ".counts." + kind, "manifest-count",
                        "the manifest says " + count + " line(s) of kind " + kind + ", the export holds " + counts.get(kind)));
            }
            JsonValue hash = claimedHashes == null ? null : claimedHashes.get(kind);
            if (!(hash instanceof JsonString s) || !s.getString().equals(hashes.get(kind))) {
                found.add(new Violation(at + ".sha256." + kind, "manifest-hash",
                        "the SHA-256 of the " + kind + " lines is not the one the manifest records: the export was altered"));
            }
        }
        return found;
    }

    private static JsonObject object(JsonObject o, String name) {
        return o.get(name) instanceof JsonObject inner ? inner : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
