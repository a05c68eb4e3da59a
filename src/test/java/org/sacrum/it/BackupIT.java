package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Backup without loss: the Arquillian instance (seed plus what these tests add) is exported with
 * deploy/backup/export.sh and imported with deploy/backup/import.sh into a fresh instance started by deploy/run.sh
 * on an empty database with the seed off (a private H2 file, or with -Ppostgres a second PostgreSQL database named
 * after the suite's with "_restore"); then both are compared line for line, revision hash by hash, and through the
 * delivery API and the audit log.
 */
class BackupIT extends SacrumIT {
    private static final String TARGET_ADMIN_PASSWORD = "restore-admin-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void onlyAnAdminWithTheAdminScopeMayExportOrImport() throws Exception {
        assertEquals(403, send("GET", base("/api/manage/export"), "Bearer " + tokenOf(team.publisher.username()), null).statusCode());
        assertEquals(401, send("GET", base("/api/manage/export"), null, null).statusCode());
        String adminWithoutAdminScope = team.token("admin", "read", "write", "publish");
        HttpResponse<String> scoped = send("GET", base("/api/manage/export"), "Bearer " + adminWithoutAdminScope, null);
        assertEquals(403, scoped.statusCode(), scoped.body());
        assertTrue(scoped.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> importing = send("POST", base("/api/manage/import"), "Bearer " + tokenOf(team.publisher.username()),
                "{\"kind\":\"sacrum-export\",\"format\":1}\n");
        assertEquals(403, importing.statusCode(), importing.body());
    }

    @Test
    void anExportRestoresIntoAFreshInstanceWithoutLoss() throws Exception {
        populate();
        String sourceToken = team.token("admin", "read", "admin");

        HttpResponse<String> notEmpty = send("POST", base("/api/manage/import"), "Bearer " + sourceToken, "{}\n");
        assertEquals(409, notEmpty.statusCode(), "this instance holds the seed: " + notEmpty.body());
        assertTrue(notEmpty.body().contains("\"instance-empty\""), notEmpty.body());

        Path dir = Path.of("target/backup-it").toAbsolutePath();
        RunScript.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path sourceFile = dir.resolve("source.ndjson");
        script("export.sh", base("/").toString(), sourceToken, sourceFile);
        List<String> source = Files.readAllLines(sourceFile, StandardCharsets.UTF_8);
        assertTrue(source.get(0).startsWith("{\"kind\":\"sacrum-export\",\"format\":1,"), source.get(0));
        assertTrue(source.stream().noneMatch(l -> l.contains("password") && l.startsWith("{\"kind\":\"person\"")), "no password hash leaves");
        assertTrue(source.stream().anyMatch(l -> l.startsWith("{\"kind\":\"audit\"") && l.contains("\"action\":\"export\"")), "the export is audited");

        String sourceDb = System.getenv("SACRUM_DB_URL");
        boolean postgres = sourceDb != null && sourceDb.startsWith("jdbc:postgresql:");
        String restoreDb = postgres ? restoreDatabase(sourceDb) : null;
        Map<String, String> env = new HashMap<>();
        env.put("SACRUM_SEED_ENABLED", "false");
        env.put("SACRUM_DATA_DIR", dir.resolve("data").toString());
        env.put("SACRUM_ADMIN_PASSWORD", TARGET_ADMIN_PASSWORD);
        env.put("SACRUM_DB_URL", restoreDb); // null: run.sh's default, an H2 file in the data directory
        env.put("SACRUM_DB_CLASS", postgres ? "org.postgresql.ds.PGSimpleDataSource" : null);
        env.put("SACRUM_DB_USER", postgres ? System.getenv("SACRUM_DB_USER") : null);
        env.put("SACRUM_DB_PASSWORD", postgres ? System.getenv("SACRUM_DB_PASSWORD") : null);
        try (RunScript target = RunScript.start(env, "target/backup-it.log")) {
            Api targetAdmin = target.api.as("admin", TARGET_ADMIN_PASSWORD);
            Api.Reply issued = targetAdmin.post("/api/manage/me/tokens", Json.createObjectBuilder().add("name", "restore")
                    .add("scopes", Json.createArrayBuilder().add("read").add("admin")).add("expiresInDays", 1).build());
            assertEquals(201, issued.status(), issued.toString());
            String targetToken = issued.json().getString("token");
            URI targetImport = target.api.uri("/api/manage/import");

            // One changed byte in one revision's content: refused with the line and rule named, nothing imported.
            int revisionLine = indexOf(source, "{\"kind\":\"revision\",");
            List<String> tampered = new ArrayList<>(source);
            tampered.set(revisionLine, changeOneLetterOfTheContent(source.get(revisionLine)));
            assertNotEquals(source.get(revisionLine), tampered.get(revisionLine));
            HttpResponse<String> refused = send("POST", targetImport, "Bearer " + targetToken, String.join("\n", tampered) + "\n");
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"content-hash\"") && refused.body().contains("line[" + (revisionLine + 1) + "]"), refused.body());
            // A cut-off export (no manifest) is refused too.
            HttpResponse<String> cut = send("POST", targetImport, "Bearer " + targetToken, String.join("\n", source.subList(0, source.size() - 1)) + "\n");
            assertEquals(422, cut.statusCode(), cut.body());
            assertTrue(cut.body().contains("\"manifest-last\""), cut.body());
            // Hostile lines: an unclosed object (which once spun Parsson forever), a line over 8 MiB, a wrong kind order.
            String header = source.get(0) + "\n";
            HttpResponse<String> unclosed = send("POST", targetImport, "Bearer " + targetToken, header + "{\"kind\":\"person\",\"x\":{\n");
            assertEquals(400, unclosed.statusCode(), unclosed.body());
            assertTrue(unclosed.body().contains("\"json-object\"") && unclosed.body().contains("line[2]"), unclosed.body());
            HttpResponse<String> huge = send("POST", targetImport, "Bearer " + targetToken, header + "x".repeat(8 * 1024 * 1024 + 1) + "\n");
            assertEquals(400, huge.statusCode(), huge.body());
            assertTrue(huge.body().contains("\"line-too-long\""), huge.body());
            HttpResponse<String> order = send("POST", targetImport, "Bearer " + targetToken,
                    header + source.get(indexOf(source, "{\"kind\":\"audit\",")) + "\n" + source.get(1) + "\n");
            assertEquals(422, order.statusCode(), order.body());
            assertTrue(order.body().contains("\"kind-order\""), order.body());
            assertEquals(0, target.api.get("/api/v1/exercises?size=1").json().getInt("total"), "nothing was imported");
            assertEquals(404, targetAdmin.get("/api/manage/people/" + team.author.username()).status(), "nobody was imported");

            script("import.sh", target.api.root().toString(), targetToken, sourceFile);

            // 1. Exporting the restored instance gives the source's lines back, in order; only the header, the manifest
            //    and the restored instance's own audit records after the imported ones (its first admin, its token,
            //    the import, this export) are its own.
            List<String> restored = lines(send("GET", target.api.uri("/api/manage/export"), "Bearer " + targetToken, null));
            List<String> sourceRows = source.subList(1, source.size() - 1);
            assertEquals(sourceRows, restored.subList(1, 1 + sourceRows.size()), "every source line comes back unchanged");
            List<String> extra = restored.subList(1 + sourceRows.size(), restored.size() - 1);
            long lastSourceAudit = auditId(sourceRows.get(sourceRows.size() - 1));
            long previous = lastSourceAudit;
            for (String line : extra) {
                assertTrue(line.startsWith("{\"kind\":\"audit\","), "only audit records are added: " + line);
                assertEquals(previous + 1, auditId(line), "the audit sequence continues after the imported records");
                previous = auditId(line);
            }
            assertTrue(extra.stream().anyMatch(l -> l.contains("\"action\":\"import\"")), "the import is audited");
            assertTrue(restored.get(restored.size() - 1).startsWith("{\"kind\":\"manifest\","));

            // 2. Every revision hash verifies, and every approval signs an imported revision's exact hash.
            Map<String, String> revisionHashes = new HashMap<>();
            int revisions = 0;
            int approvals = 0;
            for (String line : restored) {
                JsonObject row = Json.createReader(new StringReader(line)).readObject();
                if (row.getString("kind").equals("revision")) {
                    assertEquals(sha256(row.getString("content")), row.getString("contentHash"), line);
                    revisionHashes.put(row.getString("entryId") + "#" + row.getInt("number"), row.getString("contentHash"));
                    revisions++;
                } else if (row.getString("kind").equals("approval")) {
                    assertEquals(revisionHashes.get(row.getString("entryId") + "#" + row.getInt("revisionNumber")), row.getString("contentHash"), line);
                    approvals++;
                } else if (row.getString("kind").equals("comment")) {
                    assertTrue(revisionHashes.containsKey(row.getString("entryId") + "#" + row.getInt("revisionNumber")), line);
                }
            }
            assertTrue(revisions > 20 && approvals > 10, revisions + " revisions, " + approvals + " approvals");

            // 3. The delivery API serves the same published entries, byte for byte, with the same ETags.
            int compared = 0;
            for (String plural : List.of("exercises", "conditions", "warnings", "podcast-episodes")) {
                Api.Reply list = sameDelivery(target.api, "/api/v1/" + plural + "?size=100");
                for (JsonValue item : list.json().getJsonArray("items")) {
                    String slug = item.asJsonObject().getString("slug");
                    sameDelivery(target.api, "/api/v1/" + plural + "/" + slug);
                    sameDelivery(target.api, "/api/v1/" + plural + "/" + slug + "?include=warnings,conditions");
                    compared++;
                }
            }
            assertTrue(compared > 10, compared + " published entries compared");
            sameDelivery(target.api, "/api/v1/exercises?stage=trimester-1&size=100"); // answered from the rebuilt facet index
            sameDelivery(target.api, "/api/v1/warnings?urgency=urgent-same-day&size=100");
            String searched = team.anonymous.get("/api/v1/exercises?size=1").json().getJsonArray("items").getJsonObject(0).getString("slug");
            assertTrue(sameDelivery(target.api, "/api/v1/exercises?size=100&q=" + searched).json().getInt("total") > 0,
                    "q is answered from the rebuilt search index");
            sameDelivery(target.api, "/api/v1/changes?since=0");
            assertEquals(team.anonymous.get("/api/v1/exercises?size=1").json().getInt("total"),
                    target.api.get("/api/v1/exercises?size=1").json().getInt("total"));

            // 4. The audit log holds the same records under the same ids.
            JsonArray sourceAudit = team.admin.get("/api/manage/audit?after=0&limit=1000").json().getJsonArray("items");
            JsonArray targetAudit = targetAdmin.get("/api/manage/audit?after=0&limit=1000").json().getJsonArray("items");
            assertTrue(sourceAudit.size() < 1000, "one page holds the log");
            List<JsonValue> upToExport = sourceAudit.stream().filter(e -> e.asJsonObject().getInt("id") <= lastSourceAudit).toList();
            assertEquals(upToExport, targetAudit.subList(0, upToExport.size()));

            // 4b. The audit hash chain holds on both sides: the imported records keep their hashes, the restored
            //     instance's own records are chained after them, and its audit_head lets it go on appending.
            JsonObject sourceChain = team.admin.get("/api/manage/audit/verify").expect(200).json();
            assertTrue(sourceChain.getBoolean("verified"), sourceChain.toString());
            JsonObject lastImported = Json.createReader(new StringReader(sourceRows.get(sourceRows.size() - 1))).readObject();
            JsonObject firstOwn = Json.createReader(new StringReader(extra.get(0))).readObject();
            assertEquals(lastImported.getString("hash"), firstOwn.getString("prevHash"), "the restored instance's records follow the imported chain");
            JsonObject targetChain = targetAdmin.get("/api/manage/audit/verify").expect(200).json();
            assertTrue(targetChain.getBoolean("verified"), targetChain.toString());
            targetAdmin.post("/api/manage/me/tokens", Json.createObjectBuilder().add("name", "after-restore")
                    .add("scopes", Json.createArrayBuilder().add("read")).add("expiresInDays", 1).build()).expect(201);
            JsonObject appended = targetAdmin.get("/api/manage/audit/verify").expect(200).json();
            assertTrue(appended.getBoolean("verified"), appended.toString());
            assertEquals(targetChain.getJsonNumber("records").longValue() + 1, appended.getJsonNumber("records").longValue());

            // 5. People come without passwords; the importing admin keeps theirs; management views and their ETags survive.
            assertEquals(401, target.api.as(team.author.username(), Team.PASSWORD).get("/api/manage/me").status(), "no password was exported");
            assertEquals(200, targetAdmin.get("/api/manage/me").status(), "the importing admin still signs in");
            String slug = team.slug("backup-tilt");
            Api.Reply managed = targetAdmin.get(Team.path("exercises", slug));
            Api.Reply original = team.admin.get(Team.path("exercises", slug));
            assertEquals(micros(original.json()), managed.json());
            assertEquals(original.header("ETag"), managed.header("ETag"));
            assertEquals(team.admin.get(Team.path("warnings", team.slug("backup-warning")) + "/comments").json(),
                    targetAdmin.get(Team.path("warnings", team.slug("backup-warning")) + "/comments").json());

            // The check comes before the body is read, so a short body stands for the whole export here.
            HttpResponse<String> again = send("POST", targetImport, "Bearer " + targetToken, source.get(0) + "\n");
            assertEquals(409, again.statusCode(), "a restored instance is not empty: " + again.body());
        } finally {
            if (postgres) {
                dropDatabase(restoreDb);
            }
        }
    }

    /** A published exercise with three revisions and an approval, a warning with a change request and comments. */
    private void populate() {
        String slug = team.slug("backup-tilt");
        JsonObject v1 = Samples.exercise(slug);
        Api.Reply created = team.create("exercises", v1);
        String etag = created.header("ETag");
        for (String summary : List.of("Flatten the low back gently against the floor.", "Flatten the low back gently, then relax – “slowly”.")) {
            JsonObject next = Json.createObjectBuilder(v1).add("summary", summary).build();
            Api.Reply edited = team.author.api().put(Team.path("exercises", slug), Samples.body(next, "wording"), etag);
            assertEquals(200, edited.status(), edited.toString());
            etag = edited.header("ETag");
        }
        team.submit("exercises", slug);
        Api.Reply approved = team.approve("exercises", slug, team.clinician);
        assertEquals(200, approved.status(), approved.toString());
        Api.Reply published = team.publisher.api().post(Team.path("exercises", slug) + "/publish", null);
        assertEquals(200, published.status(), published.toString());
        assertEquals(3, published.json().getInt("latestRevision"));

        String warning = team.slug("backup-warning");
        team.create("warnings", Samples.warning(warning));
        team.submit("warnings", warning);
        JsonObject changes = Json.createObjectBuilder().add("revision", 1).add("comments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("field", "action").add("comment", "Name the maternity unit's number."))
                .add(Json.createObjectBuilder().add("field", "summary").add("comment", "Shorter, please."))).build();
        Api.Reply requested = team.clinician.api().post(Team.path("warnings", warning) + "/request-changes", changes);
        assertEquals(200, requested.status(), requested.toString());
    }

    /** The same path answers the same status, body and ETag on the source and the restored instance. */
    private Api.Reply sameDelivery(Api target, String path) {
        Api.Reply expected = team.anonymous.get(path);
        Api.Reply actual = target.get(path);
        assertEquals(200, expected.status(), path + ": " + expected);
        assertEquals(expected.status(), actual.status(), path);
        assertEquals(expected.text(), actual.text(), path);
        assertEquals(expected.header("ETag"), actual.header("ETag"), path);
        return actual;
    }

    /**
     * The view with its approval time rounded to microseconds, as the database stores it: the source still serves
     * the Approval it persisted from EclipseLink's shared cache, with the nanoseconds Instant.now() gave it.
     */
    private static JsonObject micros(JsonObject view) {
        JsonObject approval = view.getJsonObject("approval");
        String at = approval.getString("approvedAt");
        return Json.createObjectBuilder(view).add("approval", Json.createObjectBuilder(approval)
                .add("approvedAt", Instant.parse(at).plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString())).build();
    }

    private String tokenOf(String username) {
        return team.token(username, "read", "publish");
    }

    private URI base(String path) {
        return team.anonymous.uri(path);
    }

    private static HttpResponse<String> send(String method, URI uri, String authorization, String ndjson) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                ndjson == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8));
        if (ndjson != null) {
            request.header("Content-Type", "application/x-ndjson");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> lines(HttpResponse<String> export) {
        assertEquals(200, export.statusCode(), export.body());
        assertEquals("application/x-ndjson", export.headers().firstValue("Content-Type").orElse(""));
        assertTrue(export.body().endsWith("\n"));
        return List.of(export.body().split("\n"));
    }

    /** Runs deploy/backup/{name} and asserts it succeeds. */
    private static void script(String name, String url, String token, Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/backup/" + name, file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/backup-it.log")));
        builder.environment().put("SACRUM_URL", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        builder.environment().put("SACRUM_TOKEN", token);
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " finished");
        assertEquals(0, process.exitValue(), name + " failed; see target/backup-it.log");
    }

    /** The line with one letter inside the revision's content replaced by another (a letter after a letter: not an escape). */
    private static String changeOneLetterOfTheContent(String line) {
        int at = line.indexOf("\"content\":\"") + 40;
        while (!(Character.isLowerCase(line.charAt(at)) && Character.isLowerCase(line.charAt(at - 1)))) {
            at++;
        }
        char swapped = line.charAt(at) == 'e' ? 'a' : 'e';
        return line.substring(0, at) + swapped + line.substring(at + 1);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static long auditId(String line) {
        JsonObject row = Json.createReader(new StringReader(line)).readObject();
        assertEquals("audit", row.getString("kind"), line);
        return row.getJsonNumber("id").longValue();
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates {source database}_restore on the same PostgreSQL server, empty. */
    private static String restoreDatabase(String sourceUrl) throws Exception {
        String url = sourceUrl.contains("?") ? sourceUrl.substring(0, sourceUrl.indexOf('?')) : sourceUrl;
        String name = url.substring(url.lastIndexOf('/') + 1) + "_restore";
        assertTrue(name.matches("[a-z0-9_]+"), name);
        try (Connection admin = serverConnection(url); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static void dropDatabase(String url) throws Exception {
        try (Connection admin = serverConnection(url); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1));
        }
    }

    private static Connection serverConnection(String url) throws Exception {
        String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        return DriverManager.getConnection(server, System.getenv().getOrDefault("SACRUM_DB_USER", "postgres"),
                System.getenv().getOrDefault("SACRUM_DB_PASSWORD", "postgres"));
    }
}
