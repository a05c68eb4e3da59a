package org.sacrum.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The audit log's hash chain over HTTP: after real, concurrent workflow activity GET /api/manage/audit/verify holds;
 * a record changed directly in the database (a JDBC connection to the deployment's own database: with H2 through
 * its AUTO_SERVER) is named as the first broken link, and holds again once the row is put back.
 */
abstract class AuditChainIT extends OnSharedDeployment {
    private static final String VERIFY = "/api/manage/audit/verify";

    @Test
    void onlyAnAdminMayVerify() {
        Api.Reply author = team.author.api().get(VERIFY);
        assertEquals(403, author.status(), author.toString());
        assertEquals("application/problem+json", author.mediaType());
        assertEquals(401, team.anonymous.get(VERIFY).status());
        assertEquals(403, team.publisher.api().get(VERIFY).status());
    }

    @Test
    void concurrentActivityKeepsOneChainAndAChangedRowIsTheFirstBrokenLink() throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            slugs.add(team.slug("chain-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Reply>> creates = new ArrayList<>();
            for (String slug : slugs) {
                creates.add(pool.submit(() -> team.create("exercises", Samples.exercise(slug))));
            }
            for (Future<Api.Reply> create : creates) {
                create.get().expect(201);
            }
            // 20 parallel PUTs, two on each entry: each entry's lock orders its pair, the audit head orders them all.
            List<Future<Api.Reply>> edits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String slug = slugs.get(i % slugs.size());
                JsonObject changed = Samples.exerciseBuilder(slug).add("summary", "Gently flatten the low back, take " + i + ".").build();
                edits.add(pool.submit(() -> team.author.api().put(Team.path("exercises", slug), Samples.body(changed, "take"), "*")));
            }
            for (Future<Api.Reply> edit : edits) {
                edit.get().expect(200);
            }
        } finally {
            pool.shutdownNow();
        }
        team.publishNew("warnings", Samples.warning(team.slug("chain-warning")));

        JsonObject verified = team.admin.get(VERIFY).expect(200).json();
        assertTrue(verified.getBoolean("verified"), verified.toString());
        assertFalse(verified.containsKey("firstBroken"), verified.toString());
        assertTrue(verified.getJsonNumber("records").longValue() >= 31, verified.toString());
        assertTrue(verified.getString("head").matches("[0-9a-f]{64}"), verified.toString());

        List<JsonObject> audit = team.author.api().get(Team.path("exercises", slugs.get(3)) + "/audit").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(3, audit.size(), audit.toString());
        JsonObject created = audit.get(0);
        assertEquals("create", created.getString("action"));
        assertTrue(created.getString("hash").matches("[0-9a-f]{64}") && created.getString("prevHash").matches("[0-9a-f]{64}"), created.toString());
        long id = created.getJsonNumber("id").longValue();

        try (Connection db = DriverManager.getConnection(System.getenv("SACRUM_DB_URL"), System.getenv("SACRUM_DB_USER"),
                System.getenv("SACRUM_DB_PASSWORD"))) {
            String actor = actorOf(db, id);
            assertEquals(team.author.username(), actor);
            setActor(db, id, "someone-else");
            try {
                JsonObject broken = team.admin.get(VERIFY).expect(200).json();
                assertFalse(broken.getBoolean("verified"), broken.toString());
                JsonObject first = broken.getJsonObject("firstBroken");
                assertEquals(id, first.getJsonNumber("id").longValue(), broken.toString());
                assertEquals("hash-mismatch", first.getString("why"));
                assertEquals(created.getString("hash"), first.getString("found"), "the stored hash is what the row had");
                assertNotEquals(first.getString("found"), first.getString("expected"));
            } finally {
                setActor(db, id, actor);
            }
        }
        JsonObject restored = team.admin.get(VERIFY).expect(200).json();
        assertTrue(restored.getBoolean("verified"), restored.toString());
        assertEquals(JsonValue.ValueType.STRING, restored.get("head").getValueType());
    }

    private static String actorOf(Connection db, long id) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT actor FROM audit_event WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "audit record " + id);
                return rs.getString(1);
            }
        }
    }

    private static void setActor(Connection db, long id, String actor) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE audit_event SET actor = ? WHERE id = ?")) {
            update.setString(1, actor);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
