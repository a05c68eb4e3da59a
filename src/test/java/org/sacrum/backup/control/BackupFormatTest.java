package org.sacrum.backup.control;


import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.Violation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The export's manifest (counts and SHA-256 per kind) and the importer's bounded line reader. */
class BackupFormatTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theManifestHashIsSha256OverTheKindsLinesEachEndedByANewline() throws Exception {
        Manifest manifest = new Manifest();
        manifest.add("entry", utf8("{\"kind\":\"entry\",\"id\":\"a\"}"));
        manifest.add("entry", utf8("{\"kind\":\"entry\",\"id\":\"b\"}"));
        JsonObject json = manifest.toJson();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(utf8("{\"kind\":\"entry\",\"id\":\"a\"}\n{\"kind\":\"entry\",\"id\":\"b\"}\n")));
        assertEquals(expected, json.getJsonObject("sha256").getString("entry"));
        assertEquals(2, json.getJsonObject("counts").getInt("entry"));
        assertEquals(0, json.getJsonObject("counts").getInt("audit"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", json.getJsonObject("sha256").getString("audit"),
                "an empty kind hashes nothing, as `sha256sum < /dev/null` does");
        assertTrue(json.toString().startsWith("{\"kind\":\"manifest\","), "kind first, so shell tools can pick lines by prefix");
        assertEquals(List.of(), manifest.differences(json, "line[4]"), "a manifest agrees with itself");
    }

    @Test
    void oneChangedByteOrALostLineIsADifference() {
        Manifest written = new Manifest();
        written.add("revision", utf8("{\"kind\":\"revision\",\"content\":\"abc\"}"));
        written.add("revision", utf8("{\"kind\":\"revision\",\"content\":\"def\"}"));
        JsonObject claimed = written.toJson();

        Manifest altered = new Manifest();
        altered.add("revision", utf8("{\"kind\":\"revision\",\"content\":\"abd\"}"));
        altered.add("revision", utf8("{\"kind\":\"revision\",\"content\":\"def\"}"));
        List<Violation> changed = altered.differences(claimed, "line[9]");
        assertEquals(List.of(new Violation("line[9].sha256.revision", "manifest-hash",
                "the SHA-256 of the revision lines is not the one the manifest records: the export was altered")), changed);

        Manifest shorter = new Manifest();
        shorter.add("revision", utf8("{\"kind\":\"revision\",\"content\":\"abc\"}"));
        List<String> rules = shorter.differences(claimed, "m").stream().map(Violation::rule).toList();
        assertEquals(List.of("manifest-count", "manifest-hash"), rules);

        JsonObject garbage = Json.createObjectBuilder().add("kind", "manifest").add("counts", "many").build();
        assertEquals(2 * BackupTables.kinds().size(), new Manifest().differences(garbage, "m").size(),
                "a count and a hash per kind, none of them present");
    }

    @Test
    void linesAreSplitOnNewlinesAcrossBufferBoundaries() throws IOException {
        String big = "x".repeat(200_000);
        BoundedLines lines = new BoundedLines(new ByteArrayInputStream(utf8("a\n" + big + "\n\nlast")), 300_000);
        List<String> read = new ArrayList<>();
        for (byte[] line; (line = lines.next()) != null; ) {
            read.add(new String(line, StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a", big, "", "last"), read);
        assertEquals(4, lines.number());
        assertNull(new BoundedLines(new ByteArrayInputStream(new byte[0]), 10).next(), "an empty body has no line");
    }

    @Test
    void aLineOverTheBoundIsRefusedWithItsNumberWithoutReadingItAll() throws IOException {
        BoundedLines lines = new BoundedLines(new ByteArrayInputStream(utf8("short\n" + "y".repeat(100_001) + "\n")), 100_000);
        assertArrayEquals(utf8("short"), lines.next());
        BoundedLines.TooLong tooLong = assertThrows(BoundedLines.TooLong.class, lines::next);
        assertEquals(2, tooLong.line);
    }

    @Test
    void columnsBecomeCamelCaseFieldsAndKindsKeepRestoreOrder() {
        assertEquals("publishedApprovalId", new BackupTables.Column("published_approval_id", BackupTables.Type.STRING).field());
        assertEquals(List.of("person", "entry", "revision", "approval", "approval-link", "comment", "publication", "webhook-subscription", "audit"),
                BackupTables.kinds());
        assertEquals("INSERT INTO review_comment (id, entry_id, revision_number, reviewer_id, field, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                BackupTables.COMMENT.insert());
        assertFalse(BackupTables.PERSON.select().contains("password_hash"), "password hashes never leave the instance");
    }

    @Test
    void anExportFromBeforeAKindExistedHoldsNoneOfIt() {
        Manifest read = new Manifest();
        read.add("audit", utf8("{\"kind\":\"audit\"}"));
        JsonObject counts = read.toJson().getJsonObject("counts");
        JsonObject hashes = read.toJson().getJsonObject("sha256");
        JsonObject old = Json.createObjectBuilder().add("kind", "manifest")
                .add("counts", Json.createObjectBuilder(counts).remove("publication"))
                .add("sha256", Json.createObjectBuilder(hashes).remove("publication")).build();
        assertEquals(List.of(), read.differences(old, "m"), "the publication history came later (V5): older exports say nothing of it");
        Manifest withHistory = new Manifest();
        withHistory.add("audit", utf8("{\"kind\":\"audit\"}"));
        withHistory.add("publication", utf8("{\"kind\":\"publication\"}"));
        assertEquals(List.of("manifest-count", "manifest-hash"), withHistory.differences(old, "m").stream().map(Violation::rule).toList(),
                "lines of a kind the manifest does not mention are still found");
    }
}
