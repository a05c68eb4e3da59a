package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17: list pages read by cursor (the next link's {@code after}) give exactly what page numbers give, for every
 * filter shape and sort; a topic with sub-topics is the union of them; a cursor is validated; and a walk by cursor
 * neither repeats nor loses entries when others are published or withdrawn between its pages.
 */
abstract class ListingIT extends OnSharedDeployment {
    static final List<String> SHAPES = List.of("/api/v1/exercises?size=7", "/api/v1/exercises?sort=-slug&size=6",
            "/api/v1/exercises?sort=published&size=5", "/api/v1/exercises?sort=-published&size=4&stage=trimester-1",
            "/api/v1/exercises?equipment=mat,wall&size=3", "/api/v1/exercises?topic=back-pain&stage=trimester-1&size=2&sort=-published",
            "/api/v1/exercises?equipment=wall&stage=postpartum&topic=sciatica&size=1", "/api/v1/conditions?size=3&sort=published");

    @Test
    void aCursorWalkGivesExactlyWhatPageNumbersGive() {
        // entries published within one instant and with the same slug prefix exercise the keyset's tie-breaks
        for (String name : List.of("listing-walk-a", "listing-walk-b")) {
            team.publishNew("exercises", Samples.exerciseBuilder(team.slug(name)).add("equipment", Json.createArrayBuilder().add("wall"))
                    .add("stages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("stage", "postpartum")))
                    .add("topics", Json.createArrayBuilder().add("sciatica")).build());
        }
        for (String shape : SHAPES) {
            List<String> byNumber = new ArrayList<>();
            for (int page = 1; ; page++) { // this deployment's lists are far shorter than the 1,000 results page numbers reach
                JsonObject body = team.anonymous.get(shape + "&page=" + page).expect(200).json();
                List<String> slugs = slugs(body);
                if (slugs.isEmpty()) {
                    break;
                }
                byNumber.addAll(slugs);
            }
            List<String> byCursor = walk(shape);
            assertFalse(byNumber.isEmpty(), shape);
            assertEquals(byNumber, byCursor, shape);
        }
    }

    @Test
    void aTopicMeansItAndItsSubTopics() {
        String upper = team.slug("listing-upper-back");
        team.publishNew("exercises", Samples.exerciseBuilder(upper).add("topics", Json.createArrayBuilder().add("upper-back-pain")).build());
        Set<String> within = new HashSet<>(walk("/api/v1/exercises?topic=back-pain&size=50"));
        Set<String> union = new HashSet<>();
        for (String topic : List.of("low-back-pain", "upper-back-pain")) {
            union.addAll(walk("/api/v1/exercises?topic=" + topic + "&size=50"));
        }
        assertTrue(within.contains(upper), "a sub-topic's entry is under its parent");
        assertTrue(within.containsAll(union), "every sub-topic's entries");
        for (JsonObject item : items("/api/v1/exercises?topic=back-pain&size=100")) {
            assertTrue(item.getJsonObject("content").getJsonArray("topics").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).anyMatch(List.of("back-pain", "low-back-pain", "upper-back-pain")::contains),
                    item.toString());
        }
        JsonObject page = team.anonymous.get("/api/v1/exercises?topic=back-pain&size=1").expect(200).json();
        assertEquals(within.size(), page.getInt("total"));
        assertTrue(page.getBoolean("totalExact"), "one index value: its maintained count");
        assertEquals(within, new HashSet<>(walk("/api/v1/exercises?topic=back-pain,low-back-pain&size=50")), "a sub-topic given too changes nothing");
    }

    @Test
    void aMalformedOrMisusedCursorIsA400NamingAfter() {
        String next = team.anonymous.get("/api/v1/exercises?size=1").expect(200).json().getString("next");
        String token = next.substring(next.indexOf("after=") + 6).split("&")[0];
        for (String[] bad : new String[][] {{"after=" + "x".repeat(400), "cursor"}, {"after=!!", "cursor"}, {"after=c2x1Z3x8", "cursor"},
                {"after=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("slug||../../etc".getBytes()), "cursor"},
                {"after=" + token + "&sort=-published", "cursor-sort"}, {"after=" + token + "&page=2", "not-with-page"}}) {
            Api.Reply reply = team.anonymous.get("/api/v1/exercises?" + bad[0]).expect(400);
            assertEquals("application/problem+json", reply.mediaType());
            JsonObject violation = reply.json().getJsonArray("violations").getJsonObject(0);
            assertEquals("after", violation.getString("field"), bad[0]);
            assertEquals(bad[1], violation.getString("rule"), bad[0]);
        }
    }

    @Test
    void pageNumbersReachTheFirstThousandResultsAndPointToTheNextLinkBeyond() {
        for (String deep : List.of("page=51", "size=100&page=11", "size=1&page=1001", "page=500&equipment=wall", "page=2147483647")) {
            Api.Reply reply = team.anonymous.get("/api/v1/exercises?" + deep).expect(400);
            assertEquals("application/problem+json", reply.mediaType());
            JsonObject violation = reply.json().getJsonArray("violations").getJsonObject(0);
            assertEquals("page", violation.getString("field"), deep);
            assertEquals("max-depth", violation.getString("rule"), deep);
            assertTrue(violation.getString("message").contains("next link") && violation.getString("message").contains("after="),
                    violation.toString());
        }
        for (String deepest : List.of("page=50", "size=100&page=10", "size=1&page=1000")) {
            JsonObject body = team.anonymous.get("/api/v1/exercises?" + deepest).expect(200).json();
            assertTrue(body.getInt("total") > 0 && body.containsKey("pages"), deepest + ": the total and pages as always");
        }
    }

    @Test
    void aCursorWalkStaysRightWhenEntriesArePublishedOrWithdrawnBetweenPages() {
        List<String> mine = new ArrayList<>();
        for (String name : List.of("listing-keyset-b", "listing-keyset-d", "listing-keyset-f", "listing-keyset-h")) {
            mine.add(team.slug(name));
            team.publishNew("exercises", Samples.exerciseBuilder(team.slug(name)).add("equipment", Json.createArrayBuilder().add("pillow")).build());
        }
        String shape = "/api/v1/exercises?equipment=pillow&size=2";
        List<String> before = walk(shape); // the database's slug order (its collation), not Java's
        JsonObject first = team.anonymous.get(shape).expect(200).json();
        List<String> walked = new ArrayList<>(slugs(first));
        assertEquals(before.subList(0, 2), walked);
        String last = walked.get(1);
        // between pages: one entry after the cursor leaves and one arrives
        String leaving = before.subList(2, before.size()).stream().filter(mine::contains).findFirst().orElseThrow();
        team.publisher.api().post(Team.path("exercises", leaving) + "/unpublish", Json.createObjectBuilder().add("category", "retired").build()).expect(200);
        String arriving = team.slug("listing-keyset-g");
        team.publishNew("exercises", Samples.exerciseBuilder(arriving).add("equipment", Json.createArrayBuilder().add("pillow")).build());
        String next = first.getString("next", null);
        while (next != null) {
            JsonObject body = team.anonymous.get(next.substring(next.indexOf("/api/"))).expect(200).json();
            walked.addAll(slugs(body));
            next = body.getString("next", null);
        }
        assertEquals(walked.size(), new LinkedHashSet<>(walked).size(), "no entry twice: " + walked);
        List<String> now = walk(shape);
        assertEquals(now.subList(now.indexOf(last) + 1, now.size()), walked.subList(2, walked.size()),
                "after the cursor: what the list holds now");
        assertFalse(walked.contains(leaving), walked.toString());
        assertEquals(now.indexOf(arriving) > now.indexOf(last), walked.contains(arriving), walked.toString());
    }

    @Test
    void twoPublicationsAddingTheSameNewFilterValueAtOnceBothCount() throws Exception {
        for (int round = 0; round < 3; round++) {
            String condition = team.slug("listing-race-" + round);
            team.publishNew("conditions", Samples.condition(condition));
            List<String> exercises = List.of(team.slug("listing-race-" + round + "-a"), team.slug("listing-race-" + round + "-b"));
            for (String slug : exercises) { // both link the condition no published entry links yet: a brand-new value
                team.create("exercises", Samples.exerciseBuilder(slug).add("conditions", Json.createArrayBuilder().add(condition)).build());
                team.submit("exercises", slug);
                team.approve("exercises", slug, team.clinician).expect(200);
            }
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
                for (String slug : exercises) {
                    statuses.add(two.submit(() -> {
                        together.await();
                        return team.publisher.api().post(Team.path("exercises", slug) + "/publish", null).status();
                    }));
                }
                for (java.util.concurrent.Future<Integer> status : statuses) {
                    assertEquals(200, status.get(60, java.util.concurrent.TimeUnit.SECONDS), "both publications succeed");
                }
            } finally {
                two.shutdownNow();
            }
            JsonObject list = team.anonymous.get("/api/v1/exercises?condition=" + condition).expect(200).json();
            assertEquals(2, list.getInt("total"), "both counted: " + list);
            assertTrue(list.getBoolean("totalExact"));
            assertEquals(new HashSet<>(exercises), new HashSet<>(slugs(list)));
        }
    }

    /** Every slug of a list, page after page by its next links (starting without page or cursor). */
    private List<String> walk(String shape) {
        List<String> slugs = new ArrayList<>();
        String next = shape;
        for (int pages = 0; next != null; pages++) {
            assertTrue(pages < 1000, "a walk ends");
            Api.Reply reply = team.anonymous.get(next.substring(next.indexOf("/api/"))).expect(200);
            JsonObject body = reply.json();
            slugs.addAll(slugs(body));
            next = body.getString("next", null);
            if (next != null) {
                assertNotNull(reply.header("Link"), "the next link is in the Link header too");
                assertTrue(reply.header("Link").contains("<" + next + ">; rel=\"next\""), reply.header("Link"));
                assertTrue(next.contains("after=") && !next.contains("page="), next);
                assertFalse(pages > 0 && body.containsKey("page"), "a cursor page has no number");
            }
        }
        return slugs;
    }

    private List<JsonObject> items(String path) {
        return team.anonymous.get(path).expect(200).json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> slugs(JsonObject body) {
        return body.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("slug")).toList();
    }
}
