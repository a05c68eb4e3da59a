package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.sacrum.entries.control.EntryQueries;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #17: list totals come from counts maintained in the publishing transaction (one filter value or none) or are
 * counted (several), and stay exact across publication, withdrawal and republication; the review queue is one request
 * grouped by the server; a revision history pages. Uses only entries it creates (totals are compared as differences).
 */
abstract class ScaleIT extends OnSharedDeployment {
    static final List<String> LISTS = List.of("/api/v1/exercises?size=1", "/api/v1/exercises?equipment=wall",
            "/api/v1/exercises?topic=sciatica", "/api/v1/exercises?equipment=wall&stage=postpartum",
            "/api/v1/exercises?topic=sciatica&equipment=wall,chair&sort=-published");

    @Test
    void listTotalsStayExactAcrossPublicationWithdrawalAndRepublication() {
        Map<String, Integer> before = totals();
        String first = team.slug("scale-wall");
        String second = team.slug("scale-wall-too");
        for (String slug : List.of(first, second)) {
            team.publishNew("exercises", Samples.exerciseBuilder(slug).add("equipment", Json.createArrayBuilder().add("wall"))
                    .add("stages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("stage", "postpartum")))
                    .add("topics", Json.createArrayBuilder().add("sciatica")).build());
        }
        assertEquals(shifted(before, 2), totals(), "two publications");

        Api.Reply list = team.anonymous.get("/api/v1/exercises?equipment=wall&stage=postpartum&topic=sciatica&size=100").expect(200);
        List<String> slugs = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("slug")).collect(Collectors.toList());
        assertTrue(slugs.contains(first) && slugs.contains(second), slugs.toString());
        assertEquals(list.json().getInt("total"), slugs.size(), "a page holding every match agrees with the total");
        assertTrue(list.json().getBoolean("totalExact"));
        assertEquals(Integer.toString(list.json().getInt("total")), list.header("X-Total-Count"));

        String unpublish = Team.path("exercises", first) + "/unpublish";
        team.publisher.api().post(unpublish, Json.createObjectBuilder().add("category", "retired").build()).expect(200);
        assertEquals(shifted(before, 1), totals(), "one withdrawn");
        team.publisher.api().post(Team.path("exercises", first) + "/publish", null).expect(200);
        assertEquals(shifted(before, 2), totals(), "republished: counted once again, not twice");

        // a page past the end still tells the total
        JsonObject past = team.anonymous.get("/api/v1/exercises?equipment=wall&page=1000&size=1").expect(200).json();
        assertEquals(0, past.getJsonArray("items").size());
        assertEquals(before.get(LISTS.get(1)) + 2, past.getInt("total"));
    }

    @Test
    void theReviewQueueIsOneRequestGroupedByTheServer() {
        String draft = team.slug("scale-draft");
        String inReview = team.slug("scale-in-review");
        team.create("exercises", Samples.exercise(draft));
        team.create("conditions", Samples.condition(inReview));
        team.submit("conditions", inReview);

        JsonObject queue = team.author.api().get("/api/manage/queue?size=500").expect(200).json();
        assertEquals(500, queue.getInt("size"));
        Map<String, JsonObject> sections = queue.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s));
        assertEquals(List.of("awaiting-review", "changes-requested", "re-review-pending", "overdue", "due-soon", "ready-to-publish", "drafts"),
                queue.getJsonArray("sections").getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList());
        assertEquals("in-review", sections.get("awaiting-review").getString("state"));
        assertEquals("overdue", sections.get("overdue").getString("currency"));
        assertTrue(slugs(sections.get("drafts")).contains(draft), sections.get("drafts").toString());
        assertTrue(slugs(sections.get("awaiting-review")).contains(inReview));
        assertFalse(slugs(sections.get("drafts")).contains(inReview), "an entry is in its one state's section");
        JsonObject summary = sections.get("awaiting-review").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("slug").equals(inReview)).findFirst().orElseThrow();
        assertEquals("condition", summary.getString("type"));
        assertTrue(summary.containsKey("allowedActions") && summary.containsKey("currency"), summary.toString());
        for (JsonObject section : sections.values()) {
            assertTrue(section.getInt("total") >= section.getJsonArray("items").size(), section.getString("id"));
        }

        JsonObject one = team.author.api().get("/api/manage/queue?size=1").expect(200).json();
        one.getJsonArray("sections").getValuesAs(JsonObject.class).forEach(s -> assertTrue(s.getJsonArray("items").size() <= 1));
        for (String size : List.of("0", "501", "x")) {
            Api.Reply bad = team.author.api().get("/api/manage/queue?size=" + size).expect(400);
            assertEquals("application/problem+json", bad.mediaType());
            assertTrue(bad.text().contains("\"size\""), bad.text());
        }
        team.anonymous.get("/api/manage/queue").expect(401);
    }

    @Test
    void aRevisionHistoryPages() {
        String slug = team.slug("scale-history");
        JsonObject v1 = Samples.exercise(slug);
        String etag = team.create("exercises", v1).header("ETag");
        for (int i = 2; i <= 5; i++) {
            JsonObject next = Json.createObjectBuilder(v1).add("summary", "Gently flatten the low back, edit " + i + ".").build();
            etag = team.author.api().put(Team.path("exercises", slug), Samples.body(next, "edit " + i), etag).expect(200).header("ETag");
        }
        String revisions = Team.path("exercises", slug) + "/revisions";
        JsonObject all = team.author.api().get(revisions).expect(200).json();
        assertEquals(5, all.getJsonArray("items").size());
        assertEquals(5, all.getInt("total"));
        JsonObject second = team.author.api().get(revisions + "?size=2&page=2").expect(200).json();
        assertEquals(List.of(3, 4), second.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(r -> r.getInt("number")).toList());
        assertEquals(3, second.getInt("pages"));
        assertEquals(1, team.author.api().get(revisions + "?size=2&page=3").expect(200).json().getJsonArray("items").size());
        assertTrue(team.author.api().get(revisions + "?size=501").expect(400).text().contains("\"size\""));
        assertTrue(team.author.api().get(revisions + "?page=0").expect(400).text().contains("\"page\""));
    }

    /** The management list's pages (all states, or one) are slices of one order by slug: no entry skipped or repeated. */
    @Test
    void aManagementListPagesInSlugOrder() {
        List<String> created = List.of(team.slug("scale-page-a"), team.slug("scale-page-b"), team.slug("scale-page-c"));
        for (int i = created.size() - 1; i >= 0; i--) { // created last to first
            team.create("exercises", Samples.exercise(created.get(i)));
        }
        for (String list : List.of("/api/manage/exercises?", "/api/manage/exercises?state=draft&")) {
            List<String> six = slugs(team.author.api().get(list + "size=6").expect(200).json());
            List<String> halves = new java.util.ArrayList<>(slugs(team.author.api().get(list + "size=3&page=1").expect(200).json()));
            halves.addAll(slugs(team.author.api().get(list + "page=2&size=3").expect(200).json()));
            assertEquals(six, halves, list + ": two pages of three are the page of six");
        }
        JsonObject drafts = team.author.api().get("/api/manage/exercises?state=draft&size=500").expect(200).json();
        assertTrue(drafts.getJsonArray("items").getValuesAs(JsonObject.class).stream().allMatch(i -> i.getString("state").equals("draft")));
        List<String> order = slugs(drafts).stream().filter(created::contains).toList();
        assertEquals(created, order, "by slug, not by creation");
        assertEquals(0, team.author.api().get("/api/manage/exercises?page=100000&size=10").expect(200).json().getJsonArray("items").size());
    }

    private static List<String> slugs(JsonObject section) {
        return section.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("slug")).toList();
    }

    private Map<String, Integer> totals() {
        return LISTS.stream().collect(Collectors.toMap(path -> path, path -> {
            Api.Reply reply = team.anonymous.get(path).expect(200);
            assertTrue(reply.json().getBoolean("totalExact"), path);
            assertEquals(Integer.toString(reply.json().getInt("total")), reply.header("X-Total-Count"), path);
            return reply.json().getInt("total");
        }));
    }

    private static Map<String, Integer> shifted(Map<String, Integer> before, int by) {
        return before.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() + by));
    }

    /**
     * V19: on PostgreSQL the link picker's slug test ({@link EntryQueries#SLUG_CONTAINS}, the very text the search
     * sends) can be answered by the trigram index on the slug column, and V16's index on LOWER(slug), which that test
     * no longer names, is gone. Plans are forced off sequential and ordered scans, so the test is about what the
     * index serves (the slug test alone), not about what the planner picks for this small database.
     */
    @Test
    void theLinkPickersSlugTestIsServedByTheTrigramIndexOnTheColumn() throws SQLException {
        String url = System.getenv("SACRUM_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "the trigram index is PostgreSQL's");
        String slug = team.slug("scale-trigram");
        team.create("exercises", Samples.exercise(slug));
        try (Connection db = DriverManager.getConnection(url, System.getenv("SACRUM_DB_USER"), System.getenv("SACRUM_DB_PASSWORD"))) {
            List<String> indexes = new ArrayList<>();
            try (Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename = 'entry' AND indexname LIKE 'entry_slug_trigram%'")) {
                while (rows.next()) {
                    indexes.add(rows.getString(1));
                }
            }
            assertEquals(List.of("entry_slug_trigram_plain"), indexes);
            db.setAutoCommit(false); // the SET LOCALs last until the rollback below
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL enable_seqscan = off");
                sql.execute("SET LOCAL enable_indexscan = off");
                sql.execute("SET LOCAL enable_indexonlyscan = off");
            }
            StringBuilder plan = new StringBuilder();
            // the slug test alone: with the type as well, this small table is read through the type's own index
            try (PreparedStatement explain = db.prepareStatement("EXPLAIN SELECT id FROM entry WHERE " + EntryQueries.SLUG_CONTAINS)) {
                explain.setString(1, "%" + slug + "%");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                db.rollback();
            }
            assertTrue(plan.toString().contains("Bitmap Index Scan on entry_slug_trigram_plain"), plan.toString());
        }
        List<String> found = team.author.api().get("/api/manage/exercises?search=" + slug).expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("slug")).toList();
        assertEquals(List.of(slug), found);
    }
}
