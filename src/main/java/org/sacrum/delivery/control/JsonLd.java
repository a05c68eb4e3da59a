package org.sacrum.delivery.control;

import org.sacrum.platform.control.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * schema.org JSON-LD for a delivered entry, so sites get rich search results: a MedicalWebPage about a
 * MedicalCondition, an ExercisePlan, a MedicalSignOrSymptom (warnings), a MedicalTherapy (treatments; when to use it as
 * indications, when not as contraindications), a LifestyleModification (habits) or a PodcastEpisode. Only content a
 * clinician reviewed carries lastReviewed and reviewedBy: sample content never claims a review.
 */
public final class JsonLd {
    public static final String MEDIA_TYPE = "application/ld+json";

    private JsonLd() {
    }

    /** Whether a request asks for JSON-LD: ?format=jsonld, or application/ld+json in its Accept header. */
    public static boolean requested(String format, String accept) {
        if ("jsonld".equals(format)) {
            return true;
        }
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            int parameters = range.indexOf(';');
            if ((parameters < 0 ? range : range.substring(0, parameters)).trim().equalsIgnoreCase(MEDIA_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JSON-LD as text safe to paste inside a page's {@code <script type="application/ld+json">}: '<', '>' and
     * '&' (which occur only inside JSON strings) are written as unicode escapes, so a "</script>" in content cannot
     * close the script element; U+2028 and U+2029 likewise, for scripts that parse it as JavaScript.
     */
    public static String text(JsonObject jsonLd) {
        String json = jsonLd.toString();
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    public static JsonObject of(JsonObject delivered) {
        JsonObject content = delivered.getJsonObject("content");
        JsonObject review = delivered.getJsonObject("review");
        JsonObjectBuilder page = Json.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "MedicalWebPage")
                .add("name", content.getString("title"))
                .add("inLanguage", content.getString("locale"))
                .add("url", delivered.getString("self"));
        copy(content, "summary", page, "description");
        copy(delivered, "publishedAt", page, "datePublished");
        if ("clinically-reviewed".equals(review.getString("status", ""))) {
            page.add("lastReviewed", review.getString("reviewedOn"))
                    .add("reviewedBy", Json.createObjectBuilder().add("@type", "Person")
                            .add("name", review.getString("reviewedBy")).add("jobTitle", review.getString("credential")));
        }
        page.add("citation", citations(content.getJsonArray("sources")));
        page.add("about", about(delivered.getString("type"), content));
        return page.build();
    }

    private static JsonObject about(String type, JsonObject c) {
        JsonObjectBuilder about = Json.createObjectBuilder().add("name", c.getString("title"));
        copy(c, "summary", about, "description");
        switch (type) {
            case "condition" -> {
                about.add("@type", "MedicalCondition");
                names(c, "alsoKnownAs", about, "alternateName", null);
                names(c, "symptoms", about, "signOrSymptom", "MedicalSignOrSymptom");
                if (c.get("riskFactors") instanceof JsonArray risks) {
                    JsonArrayBuilder list = Json.createArrayBuilder();
                    risks.getValuesAs(JsonObject.class).forEach(r -> list.add(Json.createObjectBuilder()
                            .add("@type", "MedicalRiskFactor").add("name", r.getString("factor"))));
                    about.add("riskFactor", list);
                }
                names(c, "selfManagement", about, "possibleTreatment", "MedicalTherapy");
            }
            case "exercise" -> {
                about.add("@type", "ExercisePlan");
                JsonObject dosage = c.getJsonObject("dosage");
                if (dosage != null && dosage.get("reps") instanceof JsonObject reps) {
                    about.add("repetitions", quantity(reps, null));
                }
                if (dosage != null && dosage.get("holdSeconds") instanceof JsonObject hold) {
                    about.add("activityDuration", quantity(hold, "SEC"));
                }
                if (dosage != null) {
                    copy(dosage, "frequency", about, "activityFrequency");
                }
            }
            case "warning" -> about.add("@type", "MedicalSignOrSymptom");
            case "treatment" -> {
                about.add("@type", "MedicalTherapy");
                names(c, "whenToUse", about, "indication", "MedicalIndication");
                names(c, "whenNotToUse", about, "contraindication", "MedicalContraindication");
            }
            case "habit" -> about.add("@type", "LifestyleModification");
            default -> {
                about.add("@type", "PodcastEpisode");
                copy(c, "publishedOn", about, "datePublished");
                if (c.containsKey("episodeNumber")) {
                    about.add("episodeNumber", c.getInt("episodeNumber"));
                }
                about.add("partOfSeries", Json.createObjectBuilder().add("@type", "PodcastSeries").add("name", c.getString("show")));
                if (c.get("audioUrl") instanceof JsonString audio) {
                    about.add("associatedMedia", Json.createObjectBuilder().add("@type", "AudioObject").add("contentUrl", audio.getString()));
                }
            }
        }
        return about.build();
    }

    private static JsonArray citations(JsonArray sources) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (sources != null) {
            for (JsonObject s : sources.getValuesAs(JsonObject.class)) {
                JsonObjectBuilder work = Json.createObjectBuilder().add("@type", "CreativeWork").add("name", s.getString("title"))
                        .add("publisher", Json.createObjectBuilder().add("@type", "Organization").add("name", s.getString("publisher")));
                if (s.get("author") instanceof JsonString author) {
                    work.add("author", Json.createObjectBuilder().add("@type", "Person").add("name", author.getString()));
                }
                copy(s, "publishedOn", work, "datePublished");
                copy(s, "url", work, "url");
                list.add(work);
            }
        }
        return list.build();
    }

    private static JsonObject quantity(JsonObject range, String unit) {
        JsonObjectBuilder q = Json.createObjectBuilder().add("@type", "QuantitativeValue")
                .add("minValue", range.getInt("min")).add("maxValue", range.getInt("max"));
        if (unit != null) {
            q.add("unitCode", unit);
        }
        return q.build();
    }

    private static void names(JsonObject c, String field, JsonObjectBuilder out, String property, String type) {
        if (c.get(field) instanceof JsonArray values) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (JsonString v : values.getValuesAs(JsonString.class)) {
                list.add(type == null ? Json.createValue(v.getString())
                        : Json.createObjectBuilder().add("@type", type).add("name", v.getString()).build());
            }
            out.add(property, list);
        }
    }

    private static void copy(JsonObject from, String field, JsonObjectBuilder to, String property) {
        JsonValue value = from.get(field);
        if (value instanceof JsonString s) {
            to.add(property, s.getString());
        }
    }
}
