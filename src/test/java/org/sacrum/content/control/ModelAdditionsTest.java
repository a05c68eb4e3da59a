package org.sacrum.content.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.Complete;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Exercise;
import org.sacrum.content.entity.Habit;
import org.sacrum.content.entity.Treatment;
import org.sacrum.content.entity.Warning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The rules added for issue #14 hold in the JSON Schema and in Bean Validation alike. */
class ModelAdditionsTest {
    static JsonObject seed(ContentType type) throws IOException {
        return ContentModelAgreementTest.firstSeed(type);
    }

    static boolean schemaAccepts(ContentType type, JsonObject json) {
        return SchemaValidation.complete(type, json.toString()).isEmpty();
    }

    static boolean beanAccepts(ContentType type, JsonObject json) {
        return ContentModelAgreementTest.VALIDATOR.validate(ContentCodec.read(type, json.toString()), Default.class, Complete.class).isEmpty();
    }

    static void bothAccept(ContentType type, JsonObject json, boolean expected, String what) {
        assertEquals(expected, schemaAccepts(type, json), what + " (schema)");
        assertEquals(expected, beanAccepts(type, json), what + " (Bean Validation)");
    }

    static JsonObject object(String json) {
        return ContentCodec.toJsonObject(json);
    }

    @Test
    void aDosageCanSayTheSourceGivesNoneButNotBesideAnAmount() throws IOException {
        JsonObject exercise = seed(ContentType.EXERCISE);
        bothAccept(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "dosage", object("{\"sourceGivesNone\":true}")), true, "none given");
        bothAccept(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "dosage",
                object("{\"sourceGivesNone\":true,\"reps\":{\"min\":5,\"max\":10}}")), false, "none given beside reps");
        bothAccept(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "dosage",
                object("{\"sourceGivesNone\":false,\"reps\":{\"min\":5,\"max\":10}}")), true, "false beside reps");
    }

    @Test
    void exercisesTakePositionWeeksVariationsAndStagedModifications() throws IOException {
        JsonObject exercise = Json.createObjectBuilder(seed(ContentType.EXERCISE))
                .add("position", "side-lying")
                .add("gestationalWeeks", object("{\"from\":12}"))
                .add("modifications", Json.createArrayBuilder().add(object("{\"when\":\"Lying on the back is uncomfortable\",\"instead\":\"Do it seated\",\"stage\":\"trimester-3\",\"gestationalWeeks\":{\"from\":28,\"to\":40}}")))
                .add("regressions", Json.createArrayBuilder().add(object("{\"description\":\"Smaller range\",\"exercise\":\"pelvic-tilts\"}")))
                .add("audience", Json.createArrayBuilder().add("pregnant"))
                .build();
        bothAccept(ContentType.EXERCISE, exercise, true, "all additions");
        Exercise read = (Exercise) ContentCodec.read(ContentType.EXERCISE, exercise.toString());
        assertTrue(read.links().get(ContentType.EXERCISE).contains("pelvic-tilts"), "a regression naming an exercise links to it");
        assertFalse(schemaAccepts(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "position", Json.createValue("upside-down"))),
                "unknown position (an enumeration the schema refuses before anything binds it)");
        bothAccept(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "audience",
                Json.createArrayBuilder().add("pregnant").add("pregnant").build()), false, "audience twice");
        assertFalse(beanAccepts(ContentType.EXERCISE, ContentModelAgreementTest.with(exercise, "gestationalWeeks", object("{\"from\":30,\"to\":20}"))),
                "from after to");
    }

    @Test
    void warningSymptomsCombineSignsAndGroups() throws IOException {
        JsonObject warning = seed(ContentType.WARNING);
        JsonObject rule = object("{\"logic\":\"any-of\",\"signs\":[\"Unable to pass urine\"],\"groups\":[{\"logic\":\"all-of\",\"signs\":[\"Back pain every 10 to 15 minutes\",\"Lasting over an hour after rest\"]}]}");
        bothAccept(ContentType.WARNING, ContentModelAgreementTest.with(warning, "symptoms", rule), true, "any-of with an all-of group");
        bothAccept(ContentType.WARNING, ContentModelAgreementTest.with(warning, "symptoms", object("{\"logic\":\"any-of\"}")), false, "no signs");
        assertFalse(schemaAccepts(ContentType.WARNING, ContentModelAgreementTest.with(warning, "symptoms", object("{\"logic\":\"some-of\",\"signs\":[\"x\"]}"))), "bad logic");
        bothAccept(ContentType.WARNING, ContentModelAgreementTest.with(warning, "symptoms",
                object("{\"logic\":\"any-of\",\"groups\":[{\"logic\":\"all-of\",\"signs\":[]}]}")), false, "empty group");
    }

    @Test
    void conditionFeaturesAndQuestions() throws IOException {
        JsonObject condition = seed(ContentType.CONDITION);
        bothAccept(ContentType.CONDITION, ContentModelAgreementTest.with(condition, "features", JsonValue.EMPTY_JSON_OBJECT), false, "empty features");
        bothAccept(ContentType.CONDITION, ContentModelAgreementTest.with(condition, "commonQuestions",
                Json.createArrayBuilder().add(object("{\"question\":\"Will it harm my baby?\"}")).build()), false, "question without answer");
    }

    @Test
    void treatmentsNeedWhenToUseAndHabitsAnActivity() throws IOException {
        JsonObject treatment = seed(ContentType.TREATMENT);
        bothAccept(ContentType.TREATMENT, Json.createObjectBuilder(treatment).remove("whenToUse").build(), false, "no whenToUse");
        assertFalse(schemaAccepts(ContentType.TREATMENT, ContentModelAgreementTest.with(treatment, "kind", Json.createValue("surgery"))), "unknown kind");
        JsonObject habit = seed(ContentType.HABIT);
        bothAccept(ContentType.HABIT, Json.createObjectBuilder(habit).remove("activity").build(), false, "no activity");
        assertInstanceOf(Treatment.class, ContentCodec.read(ContentType.TREATMENT, treatment.toString()));
        assertInstanceOf(Habit.class, ContentCodec.read(ContentType.HABIT, habit.toString()));
    }

    @Test
    void theSiBeltCarriesItsRuleInBothDirections() throws IOException {
        Treatment belt = (Treatment) ContentCodec.read(ContentType.TREATMENT,
                java.nio.file.Files.readString(ContentModelAgreementTest.SEED.resolve("treatments/si-belt.json")));
        assertTrue(belt.whenToUse().stream().anyMatch(r -> r.contains("feels good when something squeezes your hips together")), belt.whenToUse().toString());
        assertTrue(belt.whenNotToUse().stream().anyMatch(r -> r.contains("hurts when you squeeze your hips together")), belt.whenNotToUse().toString());
        assertEquals(Boolean.TRUE, belt.sample());
    }

}
