package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17: q searches the published revisions' words (entry_search; a GIN-indexed tsvector on PostgreSQL): every
 * word of q matches the start of a word of the entry (a number only a whole number), drafts are never searched, a
 * withdrawal or a republication updates it in the same transaction, filters combine, and no q is a 500. Each test
 * makes its words unique with the team's suffix, so entries of other tests never match.
 */
abstract class SearchIT extends OnSharedDeployment {
    private String word(String base) {
        return base + team.suffix; // one word: letters then hex digits
    }

    private List<String> found(String query) {
        Api.Reply reply = team.anonymous.get("/api/v1/exercises?size=100&" + query).expect(200);
        List<String> slugs = ContentDeliveryIT.slugs(reply.json());
        assertEquals(slugs.size(), reply.json().getInt("total"), "a page holding every match agrees with the total: " + query);
        return slugs;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void publish(String slug, String step, String equipment) {
        team.publishNew("exercises", Samples.exerciseBuilder(slug)
                .add("steps", Json.createArrayBuilder().add(step).add("Relax."))
                .add("equipment", Json.createArrayBuilder().add(equipment)).build());
    }

    @Test
    void everyWordMatchesTheStartOfAWordAndNumbersWhole() {
        String tag = word("tag");
        String a = team.slug("search-hamstrings");
        String b = team.slug("search-band");
        publish(a, "Stretching the Hamstrings slowly, " + tag + ".", "chair");
        publish(b, "A stretchy band (" + tag + ").", "mat");

        assertEquals(List.of(b, a), found(q(tag + " STRETCH")), "both start with stretch; slug order");
        assertEquals(List.of(a), found(q("stretchi " + tag)));
        assertEquals(List.of(a), found(q(tag + " hamstr slow")), "several words: all of them");
        assertEquals(List.of(), found(q(tag + " hamstrings band")), "no entry holds both");
        assertEquals(List.of(), found(q(tag + " amstrings")), "the start of a word, not any substring");
        assertEquals(List.of(a, b), found(q(tag.substring(0, tag.length() - 2) + " tilt") + "&sort=-slug"),
                "the title's words and the slug's are searched; q's last word is a prefix too");
        assertEquals(List.of(b, a), found(q(tag + " 2012")), "the source's year, a whole number");
        assertEquals(List.of(), found(q(tag + " 201")), "a number is not a prefix of a longer number");
        assertEquals(List.of(a), found(q(tag) + "&equipment=chair"), "with a filter");
        assertEquals(List.of(b), found(q(tag) + "&equipment=mat&topic=low-back-pain"), "with two filters");
        assertEquals(List.of(), found(q(tag) + "&equipment=wall"));
        JsonObject page2 = team.anonymous.get("/api/v1/exercises?size=1&page=2&" + q(tag)).expect(200).json();
        assertEquals(List.of(a), ContentDeliveryIT.slugs(page2));
        assertEquals(2, page2.getInt("total"));
        assertTrue(page2.getBoolean("totalExact"));
    }

    @Test
    void aListWithQIsWalkedByCursorAndItsTotalIsExactOrALowerBound() {
        String tag = word("walk");
        List<String> mine = new java.util.ArrayList<>();
        List<String> onChair = new java.util.ArrayList<>();
        for (String letter : List.of("c", "a", "d", "b")) {
            String slug = team.slug("search-walk-" + letter);
            publish(slug, "Stretch with " + tag + ".", letter.equals("d") ? "mat" : "chair");
            mine.add(slug);
            if (!letter.equals("d")) {
                onChair.add(slug);
            }
        }
        List<String> chair = onChair.stream().sorted().toList();
        for (String filter : List.of("", "&equipment=chair")) {
            List<String> expected = filter.isEmpty() ? mine.stream().sorted().toList() : chair;
            List<String> walked = new java.util.ArrayList<>();
            String next = "/api/v1/exercises?size=1&" + q("stretch " + tag) + filter;
            for (int pages = 0; next != null; pages++) {
                assertTrue(pages <= expected.size(), "a walk ends: " + walked);
                JsonObject body = team.anonymous.get(next.substring(next.indexOf("/api/"))).expect(200).json();
                walked.addAll(ContentDeliveryIT.slugs(body));
                int total = body.getInt("total");
                // exact (counted: few matches), or a lower bound when q matches many (then never counted)
                assertTrue(body.getBoolean("totalExact") ? total == expected.size() : total >= 1 && total <= expected.size(),
                        body.toString());
                next = body.getString("next", null);
                assertTrue(next == null || next.contains("after=") && next.contains("q="), "the cursor keeps q: " + next);
            }
            assertEquals(expected, walked, "every match once, in order" + filter);
        }
        JsonObject last = team.anonymous.get("/api/v1/exercises?size=2&page=2&" + q(tag)).expect(200).json();
        assertEquals(4, last.getInt("total"), "the last page by number tells the exact total");
        assertTrue(last.getBoolean("totalExact"));
        // with q, page numbers reach the first 200 results (without q, 1,000); the cursor above reads on at any depth
        assertEquals(List.of(), ContentDeliveryIT.slugs(team.anonymous.get("/api/v1/exercises?size=20&page=10&" + q(tag)).expect(200).json()));
        Api.Reply deep = team.anonymous.get("/api/v1/exercises?size=20&page=11&" + q(tag));
        ContentDeliveryIT.assertRefused(deep, "page", "max-depth");
        assertTrue(deep.text().contains("may not exceed 200") && deep.text().contains("after="), deep.toString());
        assertEquals(200, team.anonymous.get("/api/v1/exercises?size=20&page=11").status(), "without q the window is wider");
    }

    @Test
    void draftsAreNeverSearchedAndPublicationKeepsTheIndexCurrent() {
        String old = word("oldword");
        String fresh = word("freshword");
        String draftOnly = word("draftonly");
        String slug = team.slug("search-republished");
        publish(slug, "Breathe " + old + ".", "wall");
        assertEquals(List.of(slug), found(q(old)));

        // a never-published draft, and a new draft revision of the published entry: neither's words are searched
        team.create("exercises", Samples.exerciseBuilder(team.slug("search-draft"))
                .add("steps", Json.createArrayBuilder().add(draftOnly)).build());
        JsonObject entry = team.author.api().get(Team.path("exercises", slug)).expect(200).json();
        JsonObject edited = Samples.exerciseBuilder(slug).add("steps", Json.createArrayBuilder().add("Breathe " + fresh + " " + draftOnly))
                .add("equipment", Json.createArrayBuilder().add("wall")).build();
        team.author.api().put(Team.path("exercises", slug), Samples.body(edited, "new words"), entry.getString("etag")).expect(200);
        assertEquals(List.of(), found(q(draftOnly)), "a draft's words tell an anonymous caller nothing");
        assertEquals(List.of(), found(q(fresh)));
        assertEquals(List.of(slug), found(q(old)), "the published revision is still what is searched");

        team.submit("exercises", slug);
        team.approve("exercises", slug, team.clinician).expect(200);
        team.publisher.api().post(Team.path("exercises", slug) + "/publish", null).expect(200);
        assertEquals(List.of(slug), found(q(fresh)), "republished: its new words");
        assertEquals(List.of(), found(q(old)), "and not its old ones");
        assertEquals(List.of(slug), found(q(draftOnly)), "the once-draft words are public now");

        team.publisher.api().post(Team.path("exercises", slug) + "/unpublish",
                Json.createObjectBuilder().add("category", "retired").build()).expect(200);
        assertEquals(List.of(), found(q(fresh)), "withdrawn: no longer found");
        assertEquals(List.of(), found(q(team.slug("search-republished"))));
    }

    @Test
    void hostileQIsA200OrA400NeverA500() {
        for (String hostile : List.of("&|!:*()'", "stretch:*", "!stretch", "(stretch", "stretch & | ! chair", "'", "''", "\\",
                "a'b", "<->", "stretch <-> chair", "1=1'--", "%", "_", "a%_b", "Übungen", "孕期运动", "🧘 stretch", "\u202eevil",
                "zero\u200bwidth", "e\u0301te\u0301", "\u0301", "x".repeat(200), "é".repeat(150), "a:b:c", "stretch:A*", "\"stretch\"")) {
            Api.Reply reply = team.anonymous.get("/api/v1/exercises?" + q(hostile));
            assertTrue(reply.status() == 200 && "application/json".equals(reply.mediaType())
                            || reply.status() == 400 && "application/problem+json".equals(reply.mediaType()),
                    "q=" + hostile + ": " + reply);
        }
        ContentDeliveryIT.assertRefused(team.anonymous.get("/api/v1/exercises?" + q("&|!:*()'")), "q", "has-word");
        ContentDeliveryIT.assertRefused(team.anonymous.get("/api/v1/exercises?" + q("a b c d e f g h i")), "q", "max-words");
        assertEquals(200, team.anonymous.get("/api/v1/exercises?" + q("a b c d e f g h")).status());
        assertEquals(200, team.anonymous.get("/api/v1/exercises?" + q("stretch:* | !chair")).status(),
                "operators are separators: this is the words stretch and chair");
    }
}
