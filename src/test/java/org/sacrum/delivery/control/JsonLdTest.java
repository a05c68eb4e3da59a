package org.sacrum.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class JsonLdTest {
    @Test
    void scriptClosingTextIsEscapedAndTheJsonIsUnchanged() {
        JsonObject ld = Json.createObjectBuilder().add("name", "Cat-cow </script><script>alert(1)</script> & more \u2028 \u2029")
                .add("n", 1).build();
        String text = JsonLd.text(ld);
        assertFalse(text.contains("<"), text);
        assertFalse(text.contains(">"), text);
        assertFalse(text.contains("&"), text);
        assertFalse(text.contains("\u2028"), text);
        assertFalse(text.contains("\u2029"), text);
        assertTrue(text.contains("\\u003c/script\\u003e"), text);
        assertTrue(text.contains("\\u0026 more \\u2028 \\u2029"), text);
        assertEquals(ld, parse(text), "the same JSON once parsed");
    }

    @Test
    void aWholeEntryWithHostileTextIsSafeInsideAScriptElement() {
        JsonObject delivered = delivered("condition", content("condition")
                .add("title", "</SCRIPT><img src=x onerror=alert(1)>")
                .add("alsoKnownAs", Json.createArrayBuilder().add("<!--").add("]]>"))
                .add("symptoms", Json.createArrayBuilder().add("</script >")), reviewed());
        String text = JsonLd.text(JsonLd.of(delivered));
        assertFalse(text.contains("<") || text.contains(">") || text.contains("&"), text);
        assertEquals("</SCRIPT><img src=x onerror=alert(1)>", parse(text).getString("name"));
    }

    @ParameterizedTest
    @CsvSource({"jsonld,,true", ",application/ld+json,true", ",'text/html, application/ld+json;q=0.9',true",
            ",APPLICATION/LD+JSON ; profile=x,true", "json,application/ld+json,true", ",application/json,false", ",,false",
            "xml,text/html,false", ",application/ld+jsonx,false", ",*/*,false"})
    void requestedBy(String format, String accept, boolean requested) {
        assertEquals(requested, JsonLd.requested(format, accept), format + " / " + accept);
    }

    // --- the mapping of each content type ---

    static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static jakarta.json.JsonObjectBuilder content(String title) {
        return Json.createObjectBuilder().add("title", title).add("slug", "s").add("locale", "en-GB").add("summary", "In short.")
                .add("sources", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("title", "Back pain in pregnancy").add("publisher", "NHS")
                                .add("url", "https://www.nhs.uk/back-pain").add("publishedOn", "2023-05-01").add("evidenceKind", "guideline"))
                        .add(Json.createObjectBuilder().add("title", "A podcast").add("publisher", "She Found Health")
                                .add("author", "Dr. Alicia").add("evidenceKind", "podcast")));
    }

    static JsonObject reviewed() {
        return Json.createObjectBuilder().add("status", "clinically-reviewed").add("reviewedBy", "Dr Clara Jones")
                .add("credential", "Physiotherapist, HCPC PH123456").add("reviewedOn", "2026-03-01")
                .add("nextReviewDue", "2027-03-01").add("dueForReview", false).build();
    }

    static JsonObject delivered(String type, jakarta.json.JsonObjectBuilder content, JsonObject review) {
        return Json.createObjectBuilder().add("type", type).add("slug", "s").add("locale", "en-GB")
                .add("publishedAt", "2026-03-02T10:00:00Z").add("review", review).add("content", content)
                .add("self", "/api/v1/things/s").build();
    }

    @Test
    void everyEntryIsAMedicalWebPageWithItsCitations() {
        JsonObject ld = JsonLd.of(delivered("warning", content("Fever with back pain"), reviewed()));
        assertEquals("https://schema.org", ld.getString("@context"));
        assertEquals("MedicalWebPage", ld.getString("@type"));
        assertEquals("Fever with back pain", ld.getString("name"));
        assertEquals("In short.", ld.getString("description"));
        assertEquals("en-GB", ld.getString("inLanguage"));
        assertEquals("/api/v1/things/s", ld.getString("url"));
        assertEquals("2026-03-02T10:00:00Z", ld.getString("datePublished"));
        JsonArray citations = ld.getJsonArray("citation");
        assertEquals(2, citations.size());
        assertEquals(Json.createObjectBuilder().add("@type", "CreativeWork").add("name", "Back pain in pregnancy")
                .add("publisher", Json.createObjectBuilder().add("@type", "Organization").add("name", "NHS"))
                .add("datePublished", "2023-05-01").add("url", "https://www.nhs.uk/back-pain").build(), citations.get(0));
        assertEquals(Json.createObjectBuilder().add("@type", "Person").add("name", "Dr. Alicia").build(),
                citations.getJsonObject(1).getJsonObject("author"));
        assertFalse(citations.getJsonObject(1).containsKey("url"));
    }

    @Test
    void onlyAClinicalReviewIsClaimed() {
        JsonObject ld = JsonLd.of(delivered("warning", content("W"), reviewed()));
        assertEquals("2026-03-01", ld.getString("lastReviewed"));
        assertEquals(Json.createObjectBuilder().add("@type", "Person").add("name", "Dr Clara Jones")
                .add("jobTitle", "Physiotherapist, HCPC PH123456").build(), ld.getJsonObject("reviewedBy"));
        for (String status : List.of("sample-not-clinically-reviewed", "unreviewed-preview")) {
            JsonObject review = Json.createObjectBuilder(reviewed()).add("status", status).build();
            JsonObject sample = JsonLd.of(delivered("warning", content("W"), review));
            assertFalse(sample.containsKey("lastReviewed"), status);
            assertFalse(sample.containsKey("reviewedBy"), status);
        }
        JsonObject preview = JsonLd.of(delivered("warning", content("W"), Json.createObjectBuilder().add("status", "unreviewed-preview").build()));
        assertFalse(preview.containsKey("reviewedBy"));
    }

    @Test
    void aConditionIsAMedicalCondition() {
        JsonObject about = JsonLd.of(delivered("condition", content("Sciatica")
                .add("alsoKnownAs", Json.createArrayBuilder().add("Sciatic nerve pain"))
                .add("symptoms", Json.createArrayBuilder().add("Pain down the leg").add("Tingling"))
                .add("riskFactors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("factor", "Lifting").add("pattern", "one-sided")))
                .add("selfManagement", Json.createArrayBuilder().add("Nerve flossing")), reviewed())).getJsonObject("about");
        assertEquals(Json.createObjectBuilder().add("name", "Sciatica").add("description", "In short.").add("@type", "MedicalCondition")
                .add("alternateName", Json.createArrayBuilder().add("Sciatic nerve pain"))
                .add("signOrSymptom", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("@type", "MedicalSignOrSymptom").add("name", "Pain down the leg"))
                        .add(Json.createObjectBuilder().add("@type", "MedicalSignOrSymptom").add("name", "Tingling")))
                .add("riskFactor", Json.createArrayBuilder().add(Json.createObjectBuilder().add("@type", "MedicalRiskFactor").add("name", "Lifting")))
                .add("possibleTreatment", Json.createArrayBuilder().add(Json.createObjectBuilder().add("@type", "MedicalTherapy").add("name", "Nerve flossing")))
                .build(), about);
        JsonObject bare = JsonLd.of(delivered("condition", content("Bare"), reviewed())).getJsonObject("about");
        assertEquals(Json.createObjectBuilder().add("name", "Bare").add("description", "In short.").add("@type", "MedicalCondition").build(), bare,
                "lists the content lacks are left out, not empty");
    }

    @Test
    void anExerciseIsAnExercisePlanWithItsDosage() {
        JsonObject about = JsonLd.of(delivered("exercise", content("Bridge").add("dosage", Json.createObjectBuilder()
                .add("reps", Json.createObjectBuilder().add("min", 8).add("max", 12))
                .add("holdSeconds", Json.createObjectBuilder().add("min", 5).add("max", 5))
                .add("sets", 2).add("frequency", "Daily")), reviewed())).getJsonObject("about");
        assertEquals("ExercisePlan", about.getString("@type"));
        assertEquals(Json.createObjectBuilder().add("@type", "QuantitativeValue").add("minValue", 8).add("maxValue", 12).build(),
                about.getJsonObject("repetitions"));
        assertEquals(Json.createObjectBuilder().add("@type", "QuantitativeValue").add("minValue", 5).add("maxValue", 5)
                .add("unitCode", "SEC").build(), about.getJsonObject("activityDuration"));
        assertEquals("Daily", about.getString("activityFrequency"));
        JsonObject noDosage = JsonLd.of(delivered("exercise", content("Walk"), reviewed())).getJsonObject("about");
        assertEquals(Json.createObjectBuilder().add("name", "Walk").add("description", "In short.").add("@type", "ExercisePlan").build(), noDosage);
        JsonObject frequencyOnly = JsonLd.of(delivered("exercise", content("Walk")
                .add("dosage", Json.createObjectBuilder().add("frequency", "Often")), reviewed())).getJsonObject("about");
        assertFalse(frequencyOnly.containsKey("repetitions") || frequencyOnly.containsKey("activityDuration"), frequencyOnly.toString());
        assertEquals("Often", frequencyOnly.getString("activityFrequency"));
    }

    @Test
    void aWarningIsAMedicalSignOrSymptom() {
        JsonObject about = JsonLd.of(delivered("warning", content("Fever").add("urgency", "urgent"), reviewed())).getJsonObject("about");
        assertEquals(Json.createObjectBuilder().add("name", "Fever").add("description", "In short.").add("@type", "MedicalSignOrSymptom").build(), about);
    }

    @Test
    void aPodcastEpisodeIsAPodcastEpisodeOfItsSeries() {
        JsonObject about = JsonLd.of(delivered("podcast-episode", content("Back pain").add("show", "She Found Health")
                .add("publishedOn", "2022-01-19").add("episodeNumber", 12).add("audioUrl", "https://cdn.example/ep12.mp3"), reviewed()))
                .getJsonObject("about");
        assertEquals(Json.createObjectBuilder().add("name", "Back pain").add("description", "In short.").add("@type", "PodcastEpisode")
                .add("datePublished", "2022-01-19").add("episodeNumber", 12)
                .add("partOfSeries", Json.createObjectBuilder().add("@type", "PodcastSeries").add("name", "She Found Health"))
                .add("associatedMedia", Json.createObjectBuilder().add("@type", "AudioObject").add("contentUrl", "https://cdn.example/ep12.mp3"))
                .build(), about);
        JsonObject minimal = JsonLd.of(delivered("podcast-episode", content("B").add("show", "S"), reviewed())).getJsonObject("about");
        assertFalse(minimal.containsKey("episodeNumber") || minimal.containsKey("associatedMedia") || minimal.containsKey("datePublished"),
                minimal.toString());
    }

    @Test
    void aDraftPreviewWithoutPublicationDateOrSummaryStillMaps() {
        JsonObject delivered = Json.createObjectBuilder(delivered("exercise",
                Json.createObjectBuilder().add("title", "Draft").add("slug", "draft").add("locale", "en-GB"),
                Json.createObjectBuilder().add("status", "unreviewed-preview").build())).remove("publishedAt").build();
        JsonObject ld = JsonLd.of(delivered);
        assertFalse(ld.containsKey("datePublished") || ld.containsKey("description"), ld.toString());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, ld.getJsonArray("citation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exercises", "conditions", "warnings", "podcast-episodes"})
    void everySeedEntryMapsToItsSchemaOrgType(String plural) throws IOException {
        String type = plural.substring(0, plural.length() - 1);
        String expected = switch (type) {
            case "exercise" -> "ExercisePlan";
            case "condition" -> "MedicalCondition";
            case "warning" -> "MedicalSignOrSymptom";
            default -> "PodcastEpisode";
        };
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("content-model/seed", plural))) {
            files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "seed " + plural);
        for (Path file : files) {
            JsonObject content = parse(Files.readString(file));
            JsonObject ld = parse(JsonLd.text(JsonLd.of(delivered(type, Json.createObjectBuilder(content), reviewed()))));
            assertEquals(content.getString("title"), ld.getString("name"), file.toString());
            assertEquals(expected, ld.getJsonObject("about").getString("@type"), file.toString());
            assertEquals(content.getJsonArray("sources").size(), ld.getJsonArray("citation").size(), file.toString());
        }
    }
}
