package org.sacrum.content.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.Complete;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.entity.Violation;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Provenance and source currency: what the schema refuses, Bean Validation refuses too, plus the rules only the server can check. */
class ProvenanceRulesTest {

    static JsonObject warning() throws IOException {
        return ContentModelAgreementTest.firstSeed(ContentType.WARNING);
    }

    static JsonObject withProvenance(JsonObject content, JsonObjectBuilder... items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder item : items) {
            list.add(item);
        }
        return Json.createObjectBuilder(content).add("provenance", list).build();
    }

    static JsonObjectBuilder item(String field, String basis) {
        return Json.createObjectBuilder().add("field", field).add("basis", basis);
    }

    static List<Violation> schema(JsonObject json) {
        return SchemaValidation.complete(ContentType.WARNING, json.toString());
    }

    static Set<String> bean(JsonObject json) {
        Content content = ContentCodec.read(ContentType.WARNING, json.toString());
        Set<ConstraintViolation<Content>> violations = ContentModelAgreementTest.VALIDATOR.validate(content, Default.class, Complete.class);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.toSet());
    }

    @Test
    void sourceTextNamesItsCitationsAndEditorialTextNone() throws IOException {
        JsonObject valid = withProvenance(warning(), item("urgency", "source").add("citations", Json.createArrayBuilder().add(0)),
                item("steps[2].note", "editorial").add("note", "Written by the editors."));
        assertEquals(List.of(), schema(valid));
        // "steps" is no warning field: only the server knows that
        assertEquals(Set.of("provenance: provenance[1]: field steps is not a field of this content type"), bean(valid));

        for (JsonObject broken : List.of(
                withProvenance(warning(), item("urgency", "source")),
                withProvenance(warning(), item("urgency", "editorial").add("citations", Json.createArrayBuilder().add(0))),
                withProvenance(warning(), item("Urgency!", "editorial")))) {
            assertFalse(schema(broken).isEmpty(), "the schema accepted " + broken.get("provenance"));
            assertFalse(bean(broken).isEmpty(), "Bean Validation accepted " + broken.get("provenance"));
        }
        // an unknown basis never reaches the Java model: the schema refuses it first, naming the field
        assertEquals(List.of("provenance[0].basis"), schema(withProvenance(warning(), item("urgency", "hearsay"))).stream()
                .map(Violation::field).toList());
    }

    @Test
    void aCitationIndexMustBeOneOfTheEntrysSources() throws IOException {
        JsonObject beyond = withProvenance(warning(), item("action", "source").add("citations", Json.createArrayBuilder().add(0).add(3)));
        assertEquals(List.of(), schema(beyond), "JSON Schema cannot compare an index with another array's length");
        assertEquals(Set.of("provenance: provenance[0]: cites a source index beyond the entry's 1 source(s)"), bean(beyond));
    }

    @Test
    void aDatedOrSupersededSourceSaysWhy() throws IOException {
        JsonObject content = warning();
        JsonObject source = content.getJsonArray("sources").getJsonObject(0);
        for (String flag : List.of("dated", "superseded")) {
            JsonObject unexplained = Json.createObjectBuilder(content).add("sources", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder(source).remove("note").add(flag, true))).build();
            assertTrue(schema(unexplained).stream().anyMatch(v -> v.field().equals("sources[0].note")), schema(unexplained).toString());
            assertEquals(Set.of("sources[0].currencyExplained: a dated or superseded source needs a note saying why"), bean(unexplained));
            JsonObject explained = Json.createObjectBuilder(content).add("sources", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder(source).add(flag, true).add("note", "Replaced by newer guidance."))).build();
            assertEquals(List.of(), schema(explained));
            assertEquals(Set.of(), bean(explained));
        }
    }

    @Test
    void aLocatorNamesSomethingAndOnlySampleTrueIsAllowed() throws IOException {
        JsonObject content = warning();
        JsonObject source = content.getJsonArray("sources").getJsonObject(0);
        JsonObject emptyLocator = Json.createObjectBuilder(content).add("sources", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(source).add("locator", JsonObject.EMPTY_JSON_OBJECT))).build();
        assertFalse(schema(emptyLocator).isEmpty());
        assertFalse(bean(emptyLocator).isEmpty());
        JsonObject badTimestamp = Json.createObjectBuilder(content).add("sources", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(source).add("locator", Json.createObjectBuilder().add("timestamp", "12:75")))).build();
        assertFalse(schema(badTimestamp).isEmpty());
        assertFalse(bean(badTimestamp).isEmpty());

        JsonObject notSample = Json.createObjectBuilder(content).add("sample", false).build();
        assertFalse(schema(notSample).isEmpty());
        assertFalse(bean(notSample).isEmpty());
    }
}
