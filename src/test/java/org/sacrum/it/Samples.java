package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Complete, valid content for each type, written for the tests (not taken from the seed). */
public final class Samples {
    private Samples() {
    }

    static JsonArray sources() {
        return Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("title", "Treat Back Pain with Exercise during Pregnancy")
                .add("publisher", "Test Publisher")
                .add("author", "Pallavi Pandit")
                .add("publishedOn", "2012-09-11")
                .add("evidenceKind", "patient-education")).build();
    }

    static JsonArray strings(String... values) {
        var b = Json.createArrayBuilder();
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    public static JsonObject warning(String slug) {
        return Json.createObjectBuilder()
                .add("title", "Test warning " + slug)
                .add("slug", slug)
                .add("summary", "Rhythmic low back pain can be a sign of preterm labour.")
                .add("symptomPattern", "Low back pain that comes every **10 to 15 minutes** and lasts a minute or two.")
                .add("stages", strings("trimester-2", "trimester-3"))
                .add("gestationalWeeks", Json.createObjectBuilder().add("from", 25))
                .add("urgency", "urgent-same-day")
                .add("action", "Rest; if it keeps coming for an hour or two, call your maternity provider.")
                .add("topics", strings("red-flags", "preterm-labour"))
                .add("sources", sources())
                .build();
    }

    public static JsonObjectBuilder exerciseBuilder(String slug) {
        return Json.createObjectBuilder()
                .add("title", "Test pelvic tilt " + slug)
                .add("slug", slug)
                .add("summary", "Gently flatten the low back against the floor.")
                .add("purpose", "Strengthens the *abdominal* muscles that support the low back.")
                .add("equipment", strings("mat"))
                .add("startingPosition", "Lie on your back with knees bent, supported.")
                .add("steps", strings("Notice the space between your low back and the floor.", "Gently flatten your back to the floor.", "Relax and repeat."))
                .add("dosage", Json.createObjectBuilder().add("reps", Json.createObjectBuilder().add("min", 8).add("max", 10)).add("frequency", "daily"))
                .add("bodyRegions", strings("lower-back", "core"))
                .add("stages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("stage", "trimester-1")))
                .add("cautions", strings("Keep your buttocks relaxed."))
                .add("stopRules", strings("Stop if back or leg pain increases."))
                .add("topics", strings("low-back-pain", "strengthening"))
                .add("sources", sources());
    }

    public static JsonObject exercise(String slug) {
        return exerciseBuilder(slug).build();
    }

    public static JsonObject condition(String slug) {
        return Json.createObjectBuilder()
                .add("title", "Test condition " + slug)
                .add("slug", slug)
                .add("summary", "Pain around the sacroiliac joints.")
                .add("whereFelt", "Just beside the **dimples** above the buttocks.")
                .add("symptoms", strings("Pain rolling over in bed"))
                .add("causes", strings("Imbalance between the two sides of the pelvis"))
                .add("selfManagement", strings("Roll as a unit with knees together"))
                .add("whenToSeekCare", "If it does not ease, see a physiotherapist.")
                .add("topics", strings("si-joint-pain"))
                .add("sources", sources())
                .build();
    }

    public static JsonObject podcastEpisode(String slug) {
        return Json.createObjectBuilder()
                .add("title", "Test episode " + slug)
                .add("slug", slug)
                .add("summary", "A physiotherapist on back pain in pregnancy.")
                .add("show", "Test Show")
                .add("publishedOn", "2022-01-19")
                .add("hosts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Host").add("role", "host")))
                .add("guests", Json.createArrayBuilder())
                .add("showNotes", "Why back pain happens and what helps.")
                .add("keyPoints", strings("Movement helps"))
                .add("topics", strings("back-pain"))
                .add("sources", sources())
                .build();
    }

    public static JsonObject of(String plural, String slug) {
        return switch (plural) {
            case "exercises" -> exercise(slug);
            case "conditions" -> condition(slug);
            case "warnings" -> warning(slug);
            case "podcast-episodes" -> podcastEpisode(slug);
            default -> throw new IllegalArgumentException(plural);
        };
    }

    public static JsonObject body(JsonObject content, String note) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("content", content);
        if (note != null) {
            b.add("changeNote", note);
        }
        return b.build();
    }
}
