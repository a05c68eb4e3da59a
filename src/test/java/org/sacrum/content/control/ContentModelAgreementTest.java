package org.sacrum.content.control;

import org.sacrum.content.entity.Complete;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Slug;
import org.sacrum.content.entity.TextLimits;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.sacrum.platform.entity.Violation;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The content model exists twice, as data (content-model/schemas) and as code (the records in this package).
 * These tests prove the two agree: same fields, same required fields, and every seed entry valid under both.
 */
class ContentModelAgreementTest {
    static final Path SEED = Path.of("content-model/seed");
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void schemaPropertiesAreTheRecordComponentsInOrder(ContentType type) {
        List<String> schemaFields = List.copyOf(ContentModel.schema(type.schemaFile()).getJsonObject("properties").keySet());
        List<String> javaFields = Arrays.stream(type.model().getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(schemaFields, javaFields, type + ": schema properties and Java record components differ");
    }

    /** The shared parts with a record of their own: a citation (with its locator) and a field's provenance. */
    @Test
    void sharedPartsAgreeWithTheirRecords() {
        JsonObject citation = ContentModel.schema("citation.schema.json").getJsonObject("properties");
        assertEquals(List.copyOf(citation.keySet()), components(org.sacrum.content.entity.Citation.class));
        assertEquals(List.copyOf(citation.getJsonObject("locator").getJsonObject("properties").keySet()),
                components(org.sacrum.content.entity.Locator.class));
        JsonObject provenance = ContentModel.schema("common.schema.json").getJsonObject("$defs").getJsonObject("provenance")
                .getJsonObject("items").getJsonObject("properties");
        assertEquals(List.copyOf(provenance.keySet()), components(org.sacrum.content.entity.FieldProvenance.class));
        assertEquals(provenance.getJsonObject("field").getString("pattern"), org.sacrum.content.entity.FieldProvenance.PATH);
    }

    static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void schemaRequiredIsWhatTheCompleteGroupRequires(ContentType type) {
        Set<String> schemaRequired = Set.copyOf(ContentModel.required(type));
        Set<String> javaRequired = requiredIn(type, Complete.class, Default.class);
        assertEquals(schemaRequired, javaRequired, type + ": schema 'required' and the Complete group disagree");
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void draftRequiredIsWhatTheDefaultGroupRequires(ContentType type) {
        assertEquals(Set.copyOf(ContentModel.draftRequired(type)), requiredIn(type, Default.class),
                type + ": x-sacrum-draft-required and the Default group disagree");
    }

    @Test
    void seedHasTheMinimumPerType() throws IOException {
        Map<ContentType, Long> counts = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            try (Stream<Path> files = Files.list(SEED.resolve(type.plural()))) {
                counts.put(type, files.filter(f -> f.toString().endsWith(".json")).count());
            }
        }
        assertTrue(counts.get(ContentType.EXERCISE) >= 15, counts.toString());
        assertTrue(counts.get(ContentType.CONDITION) >= 5, counts.toString());
        assertTrue(counts.get(ContentType.WARNING) >= 5, counts.toString());
        assertTrue(counts.get(ContentType.PODCAST_EPISODE) >= 1, counts.toString());
        assertTrue(counts.get(ContentType.TREATMENT) >= 5, counts.toString());
        assertTrue(counts.get(ContentType.HABIT) >= 4, counts.toString());
    }

    @Test
    void theSeedManifestListsExactlyTheSeedFiles() throws IOException {
        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        for (ContentType type : ContentType.values()) {
            // a line is a file name, or {"file": ..., "state": ..., "comments": [...]} (SeedImporter.SeedFile)
            List<String> listed = manifest.getJsonArray(type.plural()).stream()
                    .map(v -> v instanceof jakarta.json.JsonString name ? name.getString() : v.asJsonObject().getString("file"))
                    .sorted().toList();
            try (Stream<Path> files = Files.list(SEED.resolve(type.plural()))) {
                assertEquals(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList(), listed,
                        "content-model/seed/manifest.json must list every " + type.id() + " seed file, and only those");
            }
        }
    }

    static Stream<Object[]> seedFiles() throws IOException {
        List<Object[]> all = new java.util.ArrayList<>();
        for (ContentType type : ContentType.values()) {
            try (Stream<Path> files = Files.list(SEED.resolve(type.plural()))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted()
                        .forEach(f -> all.add(new Object[]{type, f.getFileName().toString()}));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seedFiles")
    void everySeedEntryIsValidUnderSchemaAndBeanValidationAndRoundTrips(ContentType type, String file) throws IOException {
        String json = Files.readString(SEED.resolve(type.plural()).resolve(file));
        assertEquals(List.of(), SchemaValidation.complete(type, json), "schema violations in " + file);

        Content content = ContentCodec.read(type, json);
        Set<ConstraintViolation<Content>> violations = VALIDATOR.validate(content, Default.class, Complete.class);
        assertEquals(Set.of(), violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.toSet()));
        assertEquals(file, content.slug() + ".json", "file name must be the slug");

        String written = ContentCodec.write(content);
        assertEquals(ContentCodec.toJsonObject(json), ContentCodec.toJsonObject(written), "the Java model lost or changed something");
        assertEquals(List.of(), SchemaValidation.complete(type, written));
    }

    /** Each broken variant of a valid entry is rejected by the schema and by Bean Validation alike. */
    @ParameterizedTest
    @EnumSource(ContentType.class)
    void brokenVariantsAreRejectedByBoth(ContentType type) throws IOException {
        JsonObject valid = firstSeed(type);
        Map<String, JsonObject> broken = Map.of(
                "title too long", with(valid, "title", Json.createValue("x".repeat(201))),
                "slug with spaces", with(valid, "slug", Json.createValue("Not A Slug")),
                "summary too long", with(valid, "summary", Json.createValue("y".repeat(501))),
                "locale malformed", with(valid, "locale", Json.createValue("english")),
                "required field missing", Json.createObjectBuilder(valid).remove(ContentModel.required(type).get(3)).build(),
                "sources empty", with(valid, "sources", JsonValue.EMPTY_JSON_ARRAY),
                "unknown topic", with(valid, "topics", Json.createArrayBuilder().add("not-a-topic").build()));
        broken.forEach((what, json) -> {
            List<Violation> schema = SchemaValidation.complete(type, json.toString());
            Content content = ContentCodec.read(type, json.toString());
            Set<ConstraintViolation<Content>> bean = VALIDATOR.validate(content, Default.class, Complete.class);
            if (!what.equals("unknown topic")) { // the taxonomy is a server rule: topics.json is data, not schema
                assertFalse(schema.isEmpty(), type + " " + what + ": the schema accepted it");
            }
            assertFalse(bean.isEmpty(), type + " " + what + ": Bean Validation accepted it");
        });
    }

    @Test
    void draftsNeedOnlyTitleAndSlug() {
        for (ContentType type : ContentType.values()) {
            assertEquals(List.of(), SchemaValidation.draft(type, "{\"title\":\"Work in progress\",\"slug\":\"work-in-progress\"}"));
            List<Violation> missing = SchemaValidation.draft(type, "{\"summary\":\"no title\"}");
            assertEquals(Set.of("title", "slug"), missing.stream().map(Violation::field).collect(Collectors.toSet()), missing.toString());
            List<Violation> unknown = SchemaValidation.draft(type, "{\"title\":\"Work\",\"slug\":\"work\",\"colour\":\"red\"}");
            assertEquals(List.of("colour"), unknown.stream().map(Violation::field).toList());
            assertEquals("unknown-field", unknown.get(0).rule());
        }
    }

    @Test
    void topicsInTheTaxonomyAreWellFormed() {
        Set<String> slugs = new LinkedHashSet<>();
        ContentModel.topics().forEach(t -> {
            JsonObject topic = t.asJsonObject();
            assertTrue(topic.getString("slug").matches(TextLimits.SLUG_PATTERN));
            assertTrue(slugs.add(topic.getString("slug")), "duplicate topic " + topic);
            if (topic.containsKey("parent")) {
                assertTrue(slugs.contains(topic.getString("parent")), "parent must be listed first: " + topic);
            }
        });
    }

    /** Every nested object of the schemas and the record that models it. */
    static Stream<Object[]> nestedObjects() {
        return Stream.of(
                new Object[]{"exercise.schema.json", "/properties/dosage", org.sacrum.content.entity.Dosage.class},
                new Object[]{"exercise.schema.json", "/$defs/range", org.sacrum.content.entity.Range.class},
                new Object[]{"exercise.schema.json", "/properties/modifications/items", org.sacrum.content.entity.Modification.class},
                new Object[]{"exercise.schema.json", "/$defs/variation", org.sacrum.content.entity.Variation.class},
                new Object[]{"exercise.schema.json", "/properties/gestationalWeeks", org.sacrum.content.entity.WeekRange.class},
                new Object[]{"common.schema.json", "/$defs/stageNote", org.sacrum.content.entity.StageNote.class},
                new Object[]{"common.schema.json", "/$defs/media", org.sacrum.content.entity.Media.class},
                new Object[]{"citation.schema.json", "", org.sacrum.content.entity.Citation.class},
                new Object[]{"person.schema.json", "", org.sacrum.content.entity.PersonInContent.class},
                new Object[]{"podcast-episode.schema.json", "/properties/chapters/items", org.sacrum.content.entity.Chapter.class},
                new Object[]{"condition.schema.json", "/properties/differentials/items", org.sacrum.content.entity.Differential.class},
                new Object[]{"condition.schema.json", "/properties/riskFactors/items", org.sacrum.content.entity.RiskFactor.class},
                new Object[]{"condition.schema.json", "/properties/features", org.sacrum.content.entity.DifferentialFeatures.class},
                new Object[]{"condition.schema.json", "/properties/commonQuestions/items", org.sacrum.content.entity.CommonQuestion.class},
                new Object[]{"warning.schema.json", "/properties/gestationalWeeks", org.sacrum.content.entity.WeekRange.class},
                new Object[]{"warning.schema.json", "/$defs/symptomRule", org.sacrum.content.entity.SymptomRule.class},
                new Object[]{"warning.schema.json", "/$defs/symptomGroup", org.sacrum.content.entity.SymptomGroup.class});
    }

    @ParameterizedTest(name = "{0}#{1}")
    @MethodSource("nestedObjects")
    void nestedObjectsAgreeWithTheirRecords(String file, String pointer, Class<? extends Record> record) {
        JsonObject schema = resolve(file, pointer);
        assertEquals(List.copyOf(schema.getJsonObject("properties").keySet()),
                Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList(),
                file + pointer + ": schema properties and " + record.getSimpleName() + " components differ");
        Set<String> schemaRequired = schema.containsKey("required") ? schema.getJsonArray("required").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).collect(Collectors.toSet()) : Set.of();
        assertEquals(schemaRequired, requiredIn(record, Default.class), file + pointer + ": required fields differ");
    }

    /** Every enumeration of the schemas and the Java enum that models it (JSON spells the constants in kebab-case). */
    static Stream<Object[]> enumerations() {
        return Stream.of(
                new Object[]{"common.schema.json", "/$defs/audience/items", org.sacrum.content.entity.Audience.class},
                new Object[]{"common.schema.json", "/$defs/stage", org.sacrum.content.entity.Stage.class},
                new Object[]{"exercise.schema.json", "/properties/position", org.sacrum.content.entity.BodyPosition.class},
                new Object[]{"exercise.schema.json", "/properties/equipment/items", org.sacrum.content.entity.Equipment.class},
                new Object[]{"exercise.schema.json", "/properties/bodyRegions/items", org.sacrum.content.entity.BodyRegion.class},
                new Object[]{"warning.schema.json", "/properties/urgency", org.sacrum.content.entity.Urgency.class},
                new Object[]{"warning.schema.json", "/$defs/logic", org.sacrum.content.entity.SymptomLogic.class},
                new Object[]{"treatment.schema.json", "/properties/kind", org.sacrum.content.entity.TreatmentKind.class},
                new Object[]{"habit.schema.json", "/properties/activity", org.sacrum.content.entity.DailyActivity.class},
                new Object[]{"citation.schema.json", "/properties/evidenceKind", org.sacrum.content.entity.EvidenceKind.class});
    }

    @ParameterizedTest(name = "{0}#{1}")
    @MethodSource("enumerations")
    void enumerationsAgreeWithTheirEnums(String file, String pointer, Class<? extends Enum<?>> type) {
        List<String> schema = resolve(file, pointer).getJsonArray("enum").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        List<String> java = Arrays.stream(type.getEnumConstants()).map(e -> ((org.sacrum.content.entity.KebabCase) e).json()).toList();
        assertEquals(schema, java, file + pointer);
    }

    /** The object schema at a JSON pointer, following local and common.schema.json references. */
    static JsonObject resolve(String file, String pointer) {
        JsonObject root = ContentModel.schema(file);
        JsonObject node = pointer.isEmpty() ? root : (JsonObject) root.getValue(pointer);
        while (node.containsKey("$ref")) {
            String ref = node.getString("$ref");
            int hash = ref.indexOf('#');
            String target = hash == 0 ? file : ref.substring(0, hash < 0 ? ref.length() : hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            file = target;
            node = fragment.isEmpty() ? ContentModel.schema(target) : (JsonObject) ContentModel.schema(target).getValue(fragment);
        }
        return node;
    }

    static JsonObject firstSeed(ContentType type) throws IOException {
        try (Stream<Path> files = Files.list(SEED.resolve(type.plural()))) {
            Path first = files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            return ContentCodec.toJsonObject(Files.readString(first));
        }
    }

    static JsonObject with(JsonObject object, String field, JsonValue value) {
        return Json.createObjectBuilder(object).add(field, value).build();
    }

    /** Components whose constraints in exactly these groups make them required (NotNull, NotEmpty, NotBlank). */
    static Set<String> requiredIn(ContentType type, Class<?>... groups) {
        return requiredIn(type.model(), groups);
    }

    static Set<String> requiredIn(Class<?> record, Class<?>... groups) {
        Set<Class<?>> wanted = Set.of(groups);
        Set<String> required = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            for (Annotation a : field(record, component).getAnnotations()) {
                Class<?>[] annotationGroups = groupsOf(a);
                if (annotationGroups == null) {
                    continue;
                }
                Set<Class<?>> effective = annotationGroups.length == 0 ? Set.of(Default.class) : Set.of(annotationGroups);
                if (wanted.containsAll(effective)) {
                    required.add(component.getName());
                }
            }
        }
        return required;
    }

    private static java.lang.reflect.Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static Class<?>[] groupsOf(Annotation a) {
        if (a instanceof NotNull n) {
            return n.groups();
        }
        if (a instanceof NotEmpty n) {
            return n.groups();
        }
        if (a instanceof NotBlank n) {
            return n.groups();
        }
        return null;
    }

}
