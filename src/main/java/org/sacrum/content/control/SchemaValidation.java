package org.sacrum.content.control;

import java.util.Locale;
import org.sacrum.content.entity.ContentType;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import org.sacrum.platform.entity.Violation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON against the content model's JSON Schemas (2020-12) with a real validator, so what the
 * server accepts is exactly what content-model/ documents. A draft may leave out what the schema requires
 * for a complete entry, except the fields in x-sacrum-draft-required.
 */
public final class SchemaValidation {
    static final int MAX_PATTERN_INPUT = 10_000;
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private SchemaValidation() {
    }

    /**
     * The JDK's regex engine recurses once per repetition of a group, so "a-a-a-…" 4,000 characters long overflows
     * the stack on the slug pattern. A pattern that cannot be evaluated on a string (longer than
     * {@value #MAX_PATTERN_INPUT} characters, or overflowing the stack) counts as not matched; such a string breaks its
     * field's maxLength anyway (no patterned field allows more than 2,000 characters).
     */
    static RegularExpression boundedRegex(String regex) {
        RegularExpression jdk = JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
        return value -> {
            if (value.length() > MAX_PATTERN_INPUT) {
                return false;
            }
            try {
                return jdk.matches(value);
            } catch (StackOverflowError tooLong) {
                return false;
            }
        };
    }

    /**
     * The validators of every content type, compiled from the schema files' texts (by file name) and nothing else: a
     * $ref that does not resolve among them fails here, when the content model loads.
     */
    static Map<ContentType, Schema> compile(Map<String, String> schemaTexts) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .regularExpressionFactory(SchemaValidation::boundedRegex).build())
                .schemas(byId(schemaTexts)));
        Map<ContentType, Schema> schemas = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(ContentModel.SCHEMA_ID_PREFIX + type.schemaFile()));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return schemas;
    }

    /** What makes a text no JSON Schema 2020-12 (checked against the meta-schema); empty when it is one. */
    static List<String> metaSchemaProblems(String schemaText) {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of(META_SCHEMA));
        return meta.validate(schemaText, InputFormat.JSON).stream()
                .map(e -> (e.getInstanceLocation().getNameCount() == 0 ? "" : path(e.getInstanceLocation()) + ": ") + e.getMessage())
                .toList();
    }

    /** Violations of an instance of a schema compiled from these texts (topics.json against topic.schema.json). */
    static List<Violation> check(Map<String, String> schemaTexts, String schemaFile, String json) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(byId(schemaTexts)))
                .getSchema(SchemaLocation.of(ContentModel.SCHEMA_ID_PREFIX + schemaFile));
        return schema.validate(json, InputFormat.JSON).stream().map(SchemaValidation::toViolation).distinct().toList();
    }

    /** The texts by their $id, so that a $ref resolves to these texts and never to anything fetched. */
    private static Map<String, String> byId(Map<String, String> schemaTexts) {
        Map<String, String> byId = new HashMap<>();
        schemaTexts.forEach((file, text) -> byId.put(ContentModel.SCHEMA_ID_PREFIX + file, text));
        return byId;
    }

    /** Violations of a complete entry of this type. */
    public static List<Violation> complete(ContentType type, String json) {
        return validate(type, json, true);
    }

    /** Violations of a draft: everything but the "required" rules beyond x-sacrum-draft-required. */
    public static List<Violation> draft(ContentType type, String json) {
        return validate(type, json, false);
    }

    private static List<Violation> validate(ContentType type, String json, boolean complete) {
        Set<String> draftRequired = Set.copyOf(ContentModel.draftRequired(type));
        List<Error> errors = ContentModel.current().validator(type).validate(json, InputFormat.JSON);
        return errors.stream()
                .filter(e -> complete || !isTopLevelRequired(e) || draftRequired.contains(e.getProperty()))
                .map(SchemaValidation::toViolation)
                .distinct()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .toList();
    }

    private static boolean isTopLevelRequired(Error e) {
        return "required".equals(e.getKeyword()) && e.getInstanceLocation().getNameCount() == 0;
    }

    private static Violation toViolation(Error e) {
        String field = path(e.getInstanceLocation());
        if (e.getProperty() != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))) {
            field = field.isEmpty() ? e.getProperty() : field + "." + e.getProperty();
        }
        String rule = e.getKeyword() == null ? "schema" : e.getKeyword().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        if ("additional-properties".equals(rule)) {
            rule = "unknown-field";
        }
        return new Violation(field, rule, e.getMessage());
    }

    /** "$.steps[2]" as the rest of the API spells paths: "steps[2]". */
    static String path(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Number) {
                path.append('[').append(element).append(']');
            } else {
                path.append(path.length() > 0 ? "." : "").append(element);
            }
        }
        return path.toString();
    }
}
