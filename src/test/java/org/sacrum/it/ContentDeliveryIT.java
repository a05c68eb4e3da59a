package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.control.SchemaValidation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The content model at the API's edge (seed, bad input) and the public delivery API (filters, caching, no leaks).
 * Runs in {@link SharedDeploymentIT}.
 */
abstract class ContentDeliveryIT extends OnSharedDeployment {

    /** Seed entries the manifest has published: a line that is an object may stop the entry at another state. */
    static int manifestCount(ContentType type) {
        return (int) ContentModel.read("seed/manifest.json").asJsonObject().getJsonArray(type.plural()).stream()
                .filter(line -> line instanceof jakarta.json.JsonString
                        || "published".equals(line.asJsonObject().getString("state", "published")))
                .count();
    }

    // ---- the seed ------------------------------------------------------------------------------------------

    @Test
    void theSeedIsDeliveredAsSampleContentValidAgainstItsSchema() {
        for (ContentType type : ContentType.values()) {
            // every page: the other tests' entries (whose slugs end in a random suffix) may sort between the seed's
            List<JsonObject> items = new java.util.ArrayList<>();
            for (int page = 1; ; page++) {
                Api.Reply list = team.anonymous.get("/api/v1/" + type.plural() + "?size=100&page=" + page);
                assertEquals(200, list.status(), list.toString());
                List<JsonObject> of = list.json().getJsonArray("items").getValuesAs(JsonObject.class);
                items.addAll(of);
                if (of.size() < 100) {
                    break;
                }
                assertTrue(page < 10, type + ": over 1,000 entries, past what page numbers reach");
            }
            List<JsonObject> samples = items.stream().filter(i -> i.getBoolean("sample")).toList();
            assertEquals(manifestCount(type), samples.size(), type + ": every seed entry is published, once");
            for (JsonObject item : samples) {
                assertEquals("sample-not-clinically-reviewed", item.getJsonObject("review").getString("status"), item.getString("slug"));
                assertTrue(item.getJsonObject("review").getString("reviewedBy").contains("demo account"));
                assertEquals(List.of(), SchemaValidation.complete(type, item.getJsonObject("content").toString()),
                        "delivered content must match its schema: " + item.getString("slug"));
            }
        }
    }

    /** Provenance is part of the content, so delivery carries it; the dated 2012 warning is seeded sent back, not published. */
    @Test
    void theSeedDeliversProvenanceAndShowsReviewCatchingDatedAdvice() {
        JsonObject bowel = team.anonymous.get("/api/v1/warnings/bowel-or-bladder-changes-with-back-pain").json();
        JsonObject content = bowel.getJsonObject("content");
        assertEquals("emergency", content.getString("urgency"));
        assertTrue(content.getBoolean("sample"));
        List<JsonObject> provenance = content.getJsonArray("provenance").getValuesAs(JsonObject.class);
        assertTrue(provenance.stream().anyMatch(p -> p.getString("field").equals("urgency") && p.getString("basis").equals("editorial")),
                provenance.toString());
        assertTrue(provenance.stream().anyMatch(p -> p.getString("basis").equals("source") && p.getJsonArray("citations").getInt(0) == 0));
        assertTrue(content.getJsonArray("sources").getJsonObject(0).getJsonObject("locator").getString("quote").contains("urgently"));

        JsonObject kegels = team.anonymous.get("/api/v1/exercises/pelvic-floor-exercises").json().getJsonObject("content");
        assertTrue(kegels.getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getBoolean("dated", false) && c.getString("publishedOn").startsWith("2012")), "the 2012 source is marked dated");

        String alone = "/warnings/exercising-alone-in-pregnancy";
        assertEquals(404, team.anonymous.get("/api/v1" + alone).status(), "the dated advice is not published");
        JsonObject managed = team.author.api().get("/api/manage" + alone).json();
        assertEquals("changes-requested", managed.getString("state"), managed.toString());
        List<JsonObject> comments = team.author.api().get("/api/manage" + alone + "/comments").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(comments.stream().anyMatch(c -> c.getString("reviewer").equals("demo-clinician") && c.getString("field").isEmpty()
                && c.getString("comment").contains("2012")), comments.toString());
    }

    // ---- bad input ----------------------------------------------------------------------------------------

    static Map<String, String> rulesByField(Api.Reply reply) {
        assertEquals("application/problem+json", reply.mediaType(), reply.toString());
        return reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("field"), v -> v.getString("rule"), (a, b) -> a + "," + b));
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndRuleAndNothingIsWritten() {
        String slug = team.slug("bad-input");
        Api author = team.author.api();
        assertEquals(404, author.post("/api/manage/recipes", Samples.body(Samples.exercise(slug), null)).status(), "unknown type");

        JsonObject broken = Json.createObjectBuilder(Samples.exercise(slug))
                .add("colour", "red")
                .add("title", 42)
                .add("summary", "s".repeat(501))
                .add("equipment", Json.createArrayBuilder().add("trampoline"))
                .add("dosage", Json.createObjectBuilder().add("holdSeconds", Json.createObjectBuilder().add("min", 30)))
                .build();
        Api.Reply reply = author.post("/api/manage/exercises", Samples.body(broken, null));
        assertEquals(422, reply.status(), reply.toString());
        Map<String, String> rules = rulesByField(reply);
        assertEquals("unknown-field", rules.get("content.colour"), rules.toString());
        assertEquals("type", rules.get("content.title"), rules.toString());
        assertEquals("max-length", rules.get("content.summary"), rules.toString());
        assertEquals("enum", rules.get("content.equipment[0]"), rules.toString());
        assertEquals("required", rules.get("content.dosage.holdSeconds.max"), rules.toString());

        Api.Reply badSlug = author.post("/api/manage/exercises", Samples.body(Samples.exercise("Not A Slug!"), null));
        assertEquals(422, badSlug.status());
        assertEquals("pattern", rulesByField(badSlug).get("content.slug"));

        Api.Reply inverted = author.post("/api/manage/exercises", Samples.body(Samples.exerciseBuilder(slug)
                .add("dosage", Json.createObjectBuilder().add("holdSeconds", Json.createObjectBuilder().add("min", 60).add("max", 30))).build(), null));
        assertEquals(422, inverted.status(), "a range whose min exceeds its max: " + inverted);
        assertTrue(rulesByField(inverted).containsKey("content.dosage.holdSeconds.ordered"), inverted.toString());

        Api.Reply malformed = author.call("POST", "/api/manage/exercises", "{\"content\": {", null);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("application/problem+json", malformed.mediaType());
        Api.Reply notAnObject = author.post("/api/manage/exercises", "{\"content\": [1, 2]}");
        assertEquals(400, notAnObject.status(), notAnObject.toString());

        assertEquals(404, author.get("/api/manage/exercises/" + slug).status(), "no failed request left an entry behind");
        Api.Reply taken = author.post("/api/manage/conditions", Samples.body(Samples.condition(team.slug("taken")), null));
        taken.expect(201);
        Api.Reply again = author.post("/api/manage/conditions", Samples.body(Samples.condition(team.slug("taken")), null));
        assertEquals(409, again.status());
        assertEquals("slug-unique", rulesByField(again).get("content.slug"));
    }

    @Test
    void markdownIsDeliveredRawAndAsSanitisedHtml() {
        String slug = team.slug("markdown");
        JsonObject content = Samples.exerciseBuilder(slug)
                .add("purpose", "Eases **tension**. <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>")
                .build();
        team.publishNew("exercises", content);
        JsonObject delivered = team.anonymous.get("/api/v1/exercises/" + slug).json();
        assertEquals(content.getString("purpose"), delivered.getJsonObject("content").getString("purpose"), "raw Markdown kept as written");
        String html = delivered.getJsonObject("html").getString("purpose");
        assertTrue(html.contains("<strong>tension</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("onerror="), html);
    }

    // ---- the schemas ---------------------------------------------------------------------------------------

    @Test
    void theSchemasAreServedAsTheContentModelHoldsThem() {
        Api.Reply list = team.anonymous.get("/api/v1/schemas");
        assertEquals(200, list.status(), list.toString());
        Map<String, JsonObject> byName = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(i -> i.getString("name"), i -> i));
        Set<String> expected = new java.util.HashSet<>(Set.of("common", "citation", "person", "topic"));
        for (ContentType type : ContentType.values()) {
            expected.add(type.id());
        }
        assertEquals(expected, byName.keySet(), "every type's schema and the shared parts their $refs name");
        for (ContentType type : ContentType.values()) {
            JsonObject item = byName.get(type.id());
            assertEquals(type.id(), item.getString("contentType"), item.toString());
            Api.Reply schema = team.anonymous.get(item.getString("self").substring(item.getString("self").indexOf("/api/")));
            assertEquals(200, schema.status(), schema.toString());
            assertEquals(ContentModel.schema(type.schemaFile()), schema.json(), type + ": the file in content-model/schemas");
            assertEquals(item.getString("$id"), schema.json().getString("$id"));
            assertEquals("*", schema.header("Access-Control-Allow-Origin"), "public, like all of /api/v1");

            String etag = schema.header("ETag");
            assertNotNull(etag, schema.headers().toString());
            assertFalse(etag.startsWith("W/"), "strong ETag");
            assertTrue(schema.header("Cache-Control").contains("public"), schema.headers().toString());
            Api.Reply again = team.anonymous.get("/api/v1/schemas/" + type.id(), Map.of("If-None-Match", etag));
            assertEquals(304, again.status(), again.toString());
            assertEquals(etag, again.header("ETag"));
        }
        assertFalse(byName.get("common").containsKey("contentType"), "a shared part describes no content type");
        assertEquals(200, team.anonymous.get("/api/v1/schemas/common").status(), "what the types' $refs name is served too");
        Api.Reply asSchema = team.anonymous.get("/api/v1/schemas/warning", Map.of("Accept", "application/schema+json"));
        assertEquals("application/schema+json", asSchema.mediaType(), asSchema.toString());
    }

    @Test
    void anUnknownSchemaOrAParameterIsAProblem() {
        // "exercise.schema.json" is exercise (a served schema's relative $ref names its neighbour so); an unknown file name is not
        assertEquals(team.anonymous.get("/api/v1/schemas/common").text(), team.anonymous.get("/api/v1/schemas/common.schema.json").expect(200).text());
        for (String name : List.of("exercises", "recipe", "recipe.schema.json", ".schema.json", "x".repeat(300))) {
            Api.Reply unknown = team.anonymous.get("/api/v1/schemas/" + name);
            assertEquals(404, unknown.status(), name + ": " + unknown);
            assertEquals("application/problem+json", unknown.mediaType(), unknown.toString());
            assertEquals("unknown-schema", rulesByField(unknown).get("name"), unknown.toString());
        }
        Api.Reply buster = team.anonymous.get("/api/v1/schemas/exercise?cb=1");
        assertEquals(400, buster.status(), buster.toString());
        assertEquals("unknown-parameter", rulesByField(buster).get("cb"), buster.toString());
    }

    // ---- delivery -----------------------------------------------------------------------------------------

    @Test
    void filtersPaginationAndInclude() {
        String warning = team.slug("filter-warning");
        team.publishNew("warnings", Samples.warning(warning));
        for (int i = 1; i <= 3; i++) {
            team.publishNew("exercises", Samples.exerciseBuilder(team.slug("filtered-" + i))
                    .add("equipment", Json.createArrayBuilder().add(i == 1 ? "chair" : "mat"))
                    .add("warnings", Json.createArrayBuilder().add(warning)).build());
        }
        Api api = team.anonymous;
        JsonObject byWarning = api.get("/api/v1/exercises?warning=" + warning).json();
        assertEquals(3, byWarning.getInt("total"));
        assertEquals(3, api.get("/api/v1/exercises?warning=" + warning + "&topic=back-pain").json().getInt("total"),
                "a topic includes the topics below it: back-pain covers low-back-pain");
        assertEquals(0, api.get("/api/v1/exercises?warning=" + warning + "&topic=sciatica").json().getInt("total"));
        JsonObject chairs = api.get("/api/v1/exercises?warning=" + warning + "&equipment=chair").json();
        assertEquals(List.of(team.slug("filtered-1")), slugs(chairs));
        JsonObject either = api.get("/api/v1/exercises?warning=" + warning + "&equipment=chair,mat&sort=-slug").json();
        assertEquals(List.of(team.slug("filtered-3"), team.slug("filtered-2"), team.slug("filtered-1")), slugs(either));

        Api.Reply page2 = api.get("/api/v1/exercises?warning=" + warning + "&size=2&page=2");
        assertEquals(List.of(team.slug("filtered-3")), slugs(page2.json()));
        assertEquals(3, page2.json().getInt("total"));
        assertEquals(2, page2.json().getInt("pages"));
        assertTrue(page2.header("Link").contains("rel=\"prev\""), page2.header("Link"));
        Api.Reply listed = api.get("/api/v1/exercises?warning=" + warning + "&size=2");
        assertTrue(listed.header("Link").startsWith("</") && !listed.header("Link").contains("://")
                        && listed.header("Link").contains("/api/v1/exercises?") && listed.header("Link").contains("after="),
                "a relative link (next continues with a cursor), the same for every host a cached response is served to: " + listed.header("Link"));
        Api.Reply listedAgain = api.get("/api/v1/exercises?warning=" + warning + "&size=2");
        assertEquals("hit", listedAgain.header("X-Sacrum-Cache"));
        assertEquals(listed.header("Link"), listedAgain.header("Link"));
        assertEquals(listed.header("X-Total-Count"), listedAgain.header("X-Total-Count"));
        assertEquals(listed.json(), listedAgain.json());

        JsonObject urgent = api.get("/api/v1/warnings?urgency=urgent-same-day&stage=trimester-3&topic=preterm-labour").json();
        assertTrue(slugs(urgent).contains(warning), urgent.toString());
        JsonObject q = api.get("/api/v1/exercises?q=" + team.slug("filtered-2")).json();
        assertEquals(List.of(team.slug("filtered-2")), slugs(q));

        JsonObject included = api.get("/api/v1/exercises/" + team.slug("filtered-1") + "?include=warnings,conditions").json();
        assertEquals(warning, included.getJsonObject("included").getJsonArray("warnings").getJsonObject(0).getString("slug"));
        assertEquals(0, included.getJsonObject("included").getJsonArray("conditions").size());

        Api.Reply badQuery = api.get("/api/v1/exercises?urgency=emergency&size=500&sort=colour&include=recipes");
        assertEquals(400, badQuery.status());
        assertEquals(Set.of("urgency", "size", "sort", "include"), rulesByField(badQuery).keySet());
    }

    @Test
    void anIncludedEntryIsShownAsItsOwnDetailShowsIt() {
        // the warning and the condition are published and never read before the first include: their revisions are
        // read for it (included entries' revisions are otherwise not read again); later includes find them rendered
        String warning = team.slug("included-warning");
        String condition = team.slug("included-condition");
        String exercise = team.slug("including-exercise");
        team.publishNew("warnings", Samples.warning(warning));
        team.publishNew("conditions", Samples.condition(condition));
        team.publishNew("exercises", Samples.exerciseBuilder(exercise)
                .add("warnings", Json.createArrayBuilder().add(warning))
                .add("conditions", Json.createArrayBuilder().add(condition)).build());
        Api api = team.anonymous;
        JsonObject first = api.get("/api/v1/exercises/" + exercise + "?include=warnings,conditions").expect(200).json().getJsonObject("included");
        JsonObject warningDetail = api.get("/api/v1/warnings/" + warning).expect(200).json();
        JsonObject conditionDetail = api.get("/api/v1/conditions/" + condition).expect(200).json();
        JsonObject warningShown = Json.createObjectBuilder(warningDetail).remove("linkedFrom").remove("linkedFromTotals").build();
        assertEquals(warningShown, first.getJsonArray("warnings").getJsonObject(0), "a warning's back-links are its detail's only");
        assertEquals(conditionDetail, first.getJsonArray("conditions").getJsonObject(0));
        assertTrue(conditionDetail.getJsonObject("html").size() > 0 && conditionDetail.getJsonObject("content").size() > 0, conditionDetail.toString());

        JsonObject item = api.get("/api/v1/exercises?warning=" + warning + "&include=conditions,warnings").expect(200).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(first, item.getJsonObject("included"));
        assertEquals(api.get("/api/v1/exercises/" + exercise).expect(200).json(), Json.createObjectBuilder(item).remove("included").build(),
                "a list's item is the entry's detail");
        JsonObject conditionListed = api.get("/api/v1/conditions?q=" + condition).expect(200).json().getJsonArray("items").getJsonObject(0);
        assertEquals(conditionDetail, conditionListed);
    }

    @Test
    void cachingHeadersAndConditionalRequests() {
        String slug = team.slug("cached");
        team.publishNew("conditions", Samples.condition(slug));
        Api.Reply first = team.anonymous.get("/api/v1/conditions/" + slug);
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertFalse(etag.startsWith("W/"), "strong ETag");
        assertTrue(first.header("Cache-Control").contains("max-age=60"), first.header("Cache-Control"));
        assertNotNull(first.header("Last-Modified"));
        assertEquals("miss", first.header("X-Sacrum-Cache"));
        Api.Reply cached = team.anonymous.get("/api/v1/conditions/" + slug);
        assertEquals("hit", cached.header("X-Sacrum-Cache"), "the second read is answered from the response cache");
        for (String header : List.of("ETag", "Cache-Control", "Last-Modified", "Vary", "Content-Type")) {
            assertEquals(first.header(header), cached.header(header), header);
        }
        for (String header : List.of("ETag", "Cache-Control", "Last-Modified", "Vary", "X-Sacrum-Cache", "Access-Control-Allow-Origin")) {
            assertEquals(1, cached.headers().get(header).size(), header + " once on a hit (the filter adds, not sets, them)");
        }
        assertEquals(first.text(), cached.text());
        for (Api.Reply reply : List.of(first, cached, team.anonymous.get("/api/v1/conditions/" + team.slug("no-such-condition")))) {
            assertEquals("*", reply.header("Access-Control-Allow-Origin"), "front-end sites may read it from the browser");
            assertTrue(reply.header("Access-Control-Expose-Headers").contains("ETag"));
        }
        Api.Reply preflight = team.anonymous.call("OPTIONS", "/api/v1/conditions/" + slug, null, null);
        assertEquals(204, preflight.status());
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"), "previews send a token");
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("GET"));
        assertNull(team.anonymous.get("/api/manage/conditions/" + slug).header("Access-Control-Allow-Origin"),
                "the management API stays same-origin");
        Api.Reply again = team.anonymous.get("/api/v1/conditions/" + slug, Map.of("If-None-Match", "\"other\", " + etag));
        assertEquals(304, again.status());
        assertEquals("", again.text());
        assertEquals(etag, again.header("ETag"));
        assertEquals(304, team.anonymous.get("/api/v1/conditions/" + slug, Map.of("If-Modified-Since", first.header("Last-Modified"))).status());
        assertEquals(200, team.anonymous.get("/api/v1/conditions/" + slug, Map.of("If-None-Match", "\"other\"")).status());

        JsonObject entry = team.author.api().get("/api/manage/conditions/" + slug).expect(200).json();
        JsonObject changed = Json.createObjectBuilder(entry.getJsonObject("content")).add("summary", "Updated summary.").build();
        team.author.api().put("/api/manage/conditions/" + slug, Samples.body(changed, null), entry.getString("etag")).expect(200);
        assertEquals(304, team.anonymous.get("/api/v1/conditions/" + slug, Map.of("If-None-Match", etag)).status(),
                "an unpublished edit changes nothing the public sees");
        team.submit("conditions", slug);
        team.approve("conditions", slug, team.clinician).expect(200);
        team.publisher.api().post("/api/manage/conditions/" + slug + "/publish", null).expect(200);
        Api.Reply updated = team.anonymous.get("/api/v1/conditions/" + slug, Map.of("If-None-Match", etag));
        assertEquals(200, updated.status(), "a new published revision is a new representation");
        assertNotEquals(etag, updated.header("ETag"));
        assertEquals("miss", updated.header("X-Sacrum-Cache"), "publishing cleared the cached response");
        assertEquals("Updated summary.", updated.json().getJsonObject("content").getString("summary"));
    }

    @Test
    void draftsNeverLeakToThePublic() {
        String slug = team.slug("secret-draft");
        team.author.api().post("/api/manage/warnings", Samples.body(Samples.warning(slug), null)).expect(201);
        Api.Reply draft = team.anonymous.get("/api/v1/warnings/" + slug);
        Api.Reply missing = team.anonymous.get("/api/v1/warnings/" + team.slug("never-existed"));
        assertEquals(404, draft.status());
        assertEquals(missing.json().getString("title"), draft.json().getString("title"));
        assertEquals(missing.json().getString("type"), draft.json().getString("type"));
        assertFalse(draft.text().contains("Test warning"), draft.text());
        assertFalse(slugs(team.anonymous.get("/api/v1/warnings?size=100&q=" + slug).json()).contains(slug));
        Api.Reply preview = team.author.api().get("/api/v1/warnings/" + slug + "?preview=true");
        assertEquals(200, preview.status());
        assertNull(preview.header("X-Sacrum-Cache"), "a preview is never cached");
        Team.Member site = team.member("preview-site", "Preview Site", "author", null);
        Api.Reply sitePreview = team.anonymous.withToken(team.token(site.username(), "read")).get("/api/v1/warnings/" + slug + "?preview=true");
        assertEquals(200, sitePreview.status(), "a site's preview build reads drafts with a read-only token: " + sitePreview);
        assertEquals("unreviewed", sitePreview.header("X-Sacrum-Preview"));
        assertEquals(401, team.anonymous.get("/api/v1/warnings/" + slug + "?preview=true").status());
        assertEquals(404, team.anonymous.get("/api/v1/warnings/" + slug).status(), "a preview leaves nothing cached for the public");
    }

    @Test
    void jsonLdForSearchEngines() {
        String slug = team.slug("json-ld");
        team.publishNew("conditions", Json.createObjectBuilder(Samples.condition(slug))
                .add("alsoKnownAs", Json.createArrayBuilder().add("SI dysfunction")).build());
        Api.Reply byAccept = team.anonymous.get("/api/v1/conditions/" + slug, Map.of("Accept", "application/ld+json"));
        assertEquals(200, byAccept.status(), byAccept.toString());
        assertEquals("application/ld+json", byAccept.mediaType());
        JsonObject page = byAccept.json();
        assertEquals("https://schema.org", page.getString("@context"));
        assertEquals("MedicalWebPage", page.getString("@type"));
        assertEquals("Dr Clara Clinician", page.getJsonObject("reviewedBy").getString("name"));
        assertNotNull(page.getString("lastReviewed"));
        assertEquals("MedicalCondition", page.getJsonObject("about").getString("@type"));
        assertEquals("SI dysfunction", page.getJsonObject("about").getJsonArray("alternateName").getString(0));
        assertEquals(page, team.anonymous.get("/api/v1/conditions/" + slug + "?format=jsonld").json());

        JsonObject sample = team.anonymous.get("/api/v1/exercises?size=1").json().getJsonArray("items").getJsonObject(0);
        JsonObject sampleLd = team.anonymous.get(sample.getString("self") + "?format=jsonld").json();
        assertEquals("ExercisePlan", sampleLd.getJsonObject("about").getString("@type"));
        if (sample.getBoolean("sample")) {
            assertFalse(sampleLd.containsKey("reviewedBy"), "sample content never claims a clinical review");
        }
    }

    @Test
    void theChangeFeedListsPublicationsAndWithdrawalsOnly() {
        String start = team.anonymous.get("/api/v1/changes?limit=1000").json().getString("next");
        String cursor = start;
        for (JsonObject page = team.anonymous.get("/api/v1/changes?since=" + cursor + "&limit=1000").json();
             !page.getJsonArray("items").isEmpty(); page = team.anonymous.get("/api/v1/changes?since=" + cursor + "&limit=1000").json()) {
            cursor = page.getString("next");
        }
        String published = team.slug("feed-published");
        String draft = team.slug("feed-draft");
        team.publishNew("warnings", Samples.warning(published));
        team.create("warnings", Samples.warning(draft));
        team.publisher.api().post("/api/manage/warnings/" + published + "/unpublish", null).expect(200);
        team.publisher.api().post("/api/manage/warnings/" + draft + "/archive", null).expect(200);

        List<JsonObject> changes = team.anonymous.get("/api/v1/changes?since=" + cursor).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("slug").startsWith("feed-")).toList();
        assertEquals(List.of("published " + published, "withdrawn " + published),
                changes.stream().map(c -> c.getString("change") + " " + c.getString("slug")).toList(), changes.toString());
        assertRefused(team.anonymous.get("/api/v1/changes?since=yesterday"), "since", "integer");
    }

    // ---- hostile query strings (issue #11) ---------------------------------------------------------------

    static void assertRefused(Api.Reply reply, String field, String rule) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(rule, rulesByField(reply).get(field), reply.toString());
    }

    @Test
    void unknownParametersAreRefusedNotCached() {
        String ok = "/api/v1/exercises?size=5&include=warnings";
        assertEquals(200, team.anonymous.get(ok).status());
        assertEquals(200, team.anonymous.get(ok).status(), "now cached");
        for (int i = 0; i < 3; i++) { // a cache hit must never answer a refused query
            assertRefused(team.anonymous.get(ok + "&cb=" + i), "cb", "unknown-parameter");
        }
        assertRefused(team.anonymous.get("/api/v1/exercises?size=5&size=6"), "size", "repeated");
        // (a request line over the HTTP listener's 8 KB header limit is refused by Payara itself, before Sacrum)
        assertRefused(team.anonymous.get("/api/v1/exercises?q=" + "a".repeat(5_000)), "q", "max-length");
        JsonObject sample = team.anonymous.get("/api/v1/exercises?size=1").json().getJsonArray("items").getJsonObject(0);
        assertEquals(200, team.anonymous.get(sample.getString("self")).status());
        assertRefused(team.anonymous.get(sample.getString("self") + "?utm_source=x"), "utm_source", "unknown-parameter");
        assertRefused(team.anonymous.get("/api/v1/topics?x=1"), "", "unknown-parameter");
        String badEscape = rawGet(team.anonymous.uri("/api/v1/exercises").getRawPath() + "?q=%zz"); // no URI class accepts it
        assertTrue(badEscape.startsWith("HTTP/1.1 200") && badEscape.toLowerCase().contains("content-type: application/json")
                || badEscape.startsWith("HTTP/1.1 400") && badEscape.toLowerCase().contains("content-type: application/problem+json"),
                "a malformed escape is taken literally or refused, never a 500: " + badEscape);
        Api.Reply hit = team.anonymous.get("/api/v1/exercises?include=warnings&size=5&page=1");
        assertEquals("hit", hit.header("X-Sacrum-Cache"), "another spelling of the same query shares its cache entry");
    }

    /** The status line and headers of a GET sent as raw bytes, for request targets that java.net.URI refuses. */
    private static String rawGet(String target) {
        java.net.URI root = team.anonymous.root();
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? response : response.substring(0, end);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pagesAreBoundedEverywhere() {
        assertRefused(team.anonymous.get("/api/v1/exercises?page=2147483648"), "page", "range");
        assertRefused(team.anonymous.get("/api/v1/exercises?size=100&page=11"), "page", "max-depth");
        assertEquals(200, team.anonymous.get("/api/v1/exercises?size=100&page=10").status(), "the deepest page allowed");
        Api reader = team.publisher.api();
        assertRefused(reader.get("/api/manage/exercises?page=2147483647"), "page", "range");
        assertRefused(reader.get("/api/manage/exercises?size=501"), "size", "range");
        assertEquals(200, reader.get("/api/manage/exercises?page=2000&size=500").status());
        assertRefused(reader.get("/api/manage/exercises?page=10001"), "page", "max-depth"); // the default size is 100
        assertRefused(team.anonymous.get("/api/v1/changes?limit=1001"), "limit", "range"); // refused like the audit's, never clamped
        assertRefused(team.anonymous.get("/api/v1/changes?limit=0"), "limit", "range");
        assertRefused(team.anonymous.get("/api/v1/changes?since=-1"), "since", "range");
        assertRefused(team.admin.get("/api/manage/audit?limit=1001"), "limit", "range");
        assertRefused(team.admin.get("/api/manage/audit?limit=0"), "limit", "range");
        assertEquals(200, team.admin.get("/api/manage/audit?limit=1000").status());
    }

    @Test
    void unparseableNumbersAreA400NamingTheParameter() {
        assertRefused(team.anonymous.get("/api/v1/exercises?page=abc"), "page", "integer");
        assertRefused(team.anonymous.get("/api/v1/exercises?size=1.5"), "size", "integer");
        assertRefused(team.anonymous.get("/api/v1/changes?limit=ten"), "limit", "integer");
        Api reader = team.publisher.api();
        assertRefused(reader.get("/api/manage/exercises?page=x"), "page", "integer");
        assertRefused(team.admin.get("/api/manage/audit?after=yesterday"), "after", "integer");
        assertRefused(team.admin.get("/api/manage/audit?limit=lots"), "limit", "integer");
        String slug = team.slug("numbers");
        team.publishNew("warnings", Samples.warning(slug));
        assertEquals(200, reader.get("/api/manage/warnings/" + slug + "/revisions/1").status());
        assertRefused(reader.get("/api/manage/warnings/" + slug + "/revisions/first"), "number", "integer");
        assertRefused(reader.get("/api/manage/warnings/" + slug + "/diff?from=one"), "from", "integer");
        assertRefused(reader.get("/api/manage/warnings/" + slug + "/diff?to=99999999999"), "to", "range");
    }

    @Test
    void jsonLdCannotCloseAScriptElement() {
        String slug = team.slug("script-tag");
        team.publishNew("conditions", Json.createObjectBuilder(Samples.condition(slug))
                .add("alsoKnownAs", Json.createArrayBuilder().add("</script><script>alert(1)</script>")).build());
        Api.Reply ld = team.anonymous.get("/api/v1/conditions/" + slug + "?format=jsonld");
        assertEquals(200, ld.status(), ld.toString());
        assertFalse(ld.text().contains("</script"), ld.text());
        assertTrue(ld.text().contains("\\u003c/script\\u003e"), ld.text());
        assertEquals("</script><script>alert(1)</script>",
                ld.json().getJsonObject("about").getJsonArray("alternateName").getString(0), "the same text once parsed");
        Api.Reply cached = team.anonymous.get("/api/v1/conditions/" + slug + "?format=jsonld");
        assertEquals("hit", cached.header("X-Sacrum-Cache"));
        assertFalse(cached.text().contains("</script"), "escaped in the cache too");
    }

    static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("slug")).toList();
    }

    // ---- issue #14: comparison table, treatments, habits, warning routing and back-links ---------------------

    @Test
    void aComparisonTableOfSciaticaAndSiDysfunctionIsDelivered() {
        Api.Reply reply = team.anonymous.get("/api/v1/conditions/compare?slugs=sciatica-in-pregnancy,si-joint-pain");
        assertEquals(200, reply.status(), reply.toString());
        assertNotNull(reply.header("ETag"));
        JsonObject table = reply.json();
        assertEquals(List.of("sciatica-in-pregnancy", "si-joint-pain"), table.getJsonArray("conditions").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("slug")).toList());
        Map<String, JsonObject> rows = table.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("feature"), r -> r));
        assertTrue(rows.keySet().containsAll(Set.of("whereFelt", "timing", "easedBy", "worsenedBy")), rows.keySet().toString());
        assertTrue(rows.get("whereFelt").getJsonArray("cells").getJsonArray(0).getString(0).contains("back of the thigh"), rows.toString());
        assertTrue(rows.get("worsenedBy").getJsonArray("cells").getJsonArray(1).getString(0).contains("Rolling over in bed"), rows.toString());
        assertEquals(0, rows.get("worsenedBy").getJsonArray("cells").getJsonArray(0).size(), "sciatica states nothing there: an empty cell");
        String html = table.getString("html");
        assertTrue(html.startsWith("<table>") && html.contains("<th>Sciatica in pregnancy</th>"), html);
        assertTrue(table.getString("markdown").startsWith("| Feature | Sciatica in pregnancy |"), table.getString("markdown"));

        assertEquals(304, team.anonymous.get("/api/v1/conditions/compare?slugs=sciatica-in-pregnancy,si-joint-pain",
                Map.of("If-None-Match", reply.header("ETag"))).status());
        assertEquals(Map.of("slugs", "size"), rulesByField(team.anonymous.get("/api/v1/conditions/compare?slugs=si-joint-pain")));
        assertEquals(Map.of("cb", "unknown-parameter"),
                rulesByField(team.anonymous.get("/api/v1/conditions/compare?slugs=si-joint-pain,sciatica-in-pregnancy&cb=1")));
        Api.Reply missing = team.anonymous.get("/api/v1/conditions/compare?slugs=si-joint-pain,no-such-condition");
        assertEquals(404, missing.status(), missing.toString());
        assertEquals("application/problem+json", missing.mediaType());
    }

    @Test
    void aTreatmentAndAHabitAreDeliveredFilteredAndDescribedForSearchEngines() {
        Api.Reply belt = team.anonymous.get("/api/v1/treatments/si-belt");
        assertEquals(200, belt.status(), belt.toString());
        JsonObject content = belt.json().getJsonObject("content");
        assertTrue(belt.json().getBoolean("sample"));
        assertEquals("support", content.getString("kind"));
        assertTrue(content.getJsonArray("whenToUse").getString(0).contains("squeezes your hips together"));
        assertTrue(content.getJsonArray("whenNotToUse").getString(0).contains("hurts"));
        assertTrue(belt.json().getJsonObject("html").getString("description").startsWith("<p>"));
        assertEquals(12, belt.json().getJsonObject("review").getInt("reviewIntervalMonths"));
        JsonObject beltLd = team.anonymous.get("/api/v1/treatments/si-belt?format=jsonld").json();
        assertEquals("MedicalTherapy", beltLd.getJsonObject("about").getString("@type"));
        assertEquals("MedicalContraindication", beltLd.getJsonObject("about").getJsonArray("contraindication").getJsonObject(0).getString("@type"));
        assertTrue(slugs(team.anonymous.get("/api/v1/treatments?condition=si-joint-pain").json()).contains("si-belt"));
        assertFalse(slugs(team.anonymous.get("/api/v1/treatments?condition=sciatica-in-pregnancy").json()).contains("si-belt"));

        Api.Reply habit = team.anonymous.get("/api/v1/habits/log-rolling?include=exercises");
        assertEquals(200, habit.status(), habit.toString());
        assertEquals("getting-in-and-out-of-bed", habit.json().getJsonObject("content").getString("activity"));
        assertEquals("log-roll-knees-together", habit.json().getJsonObject("included").getJsonArray("exercises").getJsonObject(0).getString("slug"));
        assertEquals("LifestyleModification", team.anonymous.get("/api/v1/habits/log-rolling",
                Map.of("Accept", "application/ld+json")).json().getJsonObject("about").getString("@type"));
        assertTrue(slugs(team.anonymous.get("/api/v1/habits?topic=sleep-positions").json()).contains("pillows-for-sleep"));
        assertEquals(Map.of("urgency", "filter-not-supported"), rulesByField(team.anonymous.get("/api/v1/habits?urgency=emergency")));

        JsonObject managed = team.author.api().get("/api/manage/habits/log-rolling").json();
        JsonObject level = managed.getJsonObject("readingLevel");
        assertTrue(level.getJsonNumber("fleschReadingEase").doubleValue() > 0, level.toString());
        assertTrue(level.getInt("words") > 50, level.toString());
        assertEquals(12, managed.getInt("reviewIntervalMonths"));
    }

    @Test
    void warningsCarryTheirCareRouteAndWhatLinksToThem() {
        JsonObject warning = team.anonymous.get("/api/v1/warnings/pain-that-does-not-ease").json();
        JsonObject linkedFrom = warning.getJsonObject("linkedFrom");
        assertTrue(linkedFrom.getJsonArray("treatments").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals("physiotherapy-assessment")), linkedFrom.toString());
        assertFalse(linkedFrom.getJsonArray("exercises").isEmpty(), linkedFrom.toString());
        // the totals are the filtered lists' totals: the same maintained counts, the same entries
        JsonObject totals = warning.getJsonObject("linkedFromTotals");
        for (String type : List.of("exercises", "conditions", "treatments", "habits")) {
            assertEquals(linkedFrom.getJsonArray(type).size(), totals.getInt(type), totals.toString());
            assertEquals(totals.getInt(type), team.anonymous.get("/api/v1/" + type + "?warning=pain-that-does-not-ease&size=100")
                    .json().getInt("total"), type);
        }
        assertFalse(warning.containsKey("linkedFromMore"), "fewer than 100 of each: nothing left out");
        JsonObject route = warning.getJsonObject("careRoute");
        assertEquals(warning.getJsonObject("content").getString("urgency"), route.getString("urgency"));
        assertEquals("en-GB", route.getString("locale"));
        assertFalse(route.getJsonArray("options").isEmpty());
        for (JsonObject item : team.anonymous.get("/api/v1/warnings?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            String urgency = item.getJsonObject("content").getString("urgency");
            assertEquals(urgency, item.getJsonObject("careRoute").getString("urgency"));
            if (urgency.equals("emergency")) {
                assertEquals("999", item.getJsonObject("careRoute").getJsonArray("options").getJsonObject(0).getString("phone"));
                assertEquals(6, item.getJsonObject("review").getInt("reviewIntervalMonths"));
            }
        }
    }
}
