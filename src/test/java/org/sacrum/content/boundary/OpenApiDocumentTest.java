package org.sacrum.content.boundary;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hand-written OpenAPI document (META-INF/openapi.yaml) parses, every reference in it resolves, and it refers to the
 * content model's served JSON Schemas instead of restating them.
 */
class OpenApiDocumentTest {
    private static final String SCHEMAS = "/api/v1/schemas/";
    private static JsonNode document;
    private static final List<String> refs = new ArrayList<>();
    private static final Set<String> keys = new HashSet<>();

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml is packaged");
            document = new YAMLMapper().readTree(in);
        }
        collect(document);
    }

    @Test
    void isAnOpenApi3DocumentWhoseOperationsAnswer() {
        assertTrue(document.get("openapi").asString().startsWith("3.0."), document.get("openapi").toString());
        assertFalse(document.get("paths").propertyNames().isEmpty());
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            assertTrue(path.getKey().startsWith("/api/"), path.getKey());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                assertTrue(operation.getValue().has("responses"), path.getKey() + " " + operation.getKey() + " has responses");
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertFalse(document.at(ref.substring(1)).isMissingNode(), ref + " names nothing in the document");
            } else {
                assertTrue(ref.startsWith(SCHEMAS), ref + ": outside the document, only the served schemas are referred to");
                String name = ref.substring(SCHEMAS.length());
                assertTrue(ContentModel.current().data().schemas().containsKey(name + ".schema.json"), ref + " is a schema Sacrum serves");
            }
        }
    }

    @Test
    void everyContentTypeIsItsServedSchema() {
        for (ContentType type : ContentType.values()) {
            assertTrue(refs.contains(SCHEMAS + type.id()), type + " is referred to by its schema's URL");
        }
        assertEquals("#/components/schemas/Content", document.at("/components/schemas/Delivered/properties/content/$ref").asString());
        assertEquals("#/components/schemas/Content",
                document.at("/components/requestBodies/Content/content/application~1json/schema/properties/content/$ref").asString());
    }

    @Test
    void theContentModelIsNotRestated() {
        Set<String> envelope = Set.of("title", "slug", "locale", "summary", "topics", "sources", "content", "type", "sample");
        for (ContentType type : ContentType.values()) {
            for (String field : ContentModel.schema(type.schemaFile()).getJsonObject("properties").keySet()) {
                if (!envelope.contains(field)) {
                    assertFalse(keys.contains(field), type + "'s field " + field + " is described in openapi.yaml; refer to the schema");
                }
            }
        }
    }

    /** Collects every $ref, and the property names of every object schema (children of "properties"). */
    private static void collect(JsonNode node) {
        collect(node, false);
    }

    private static void collect(JsonNode node, boolean propertyNames) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (Set.of("Comparison", "careRoute", "blockedActions").contains(property.getKey())) {
                    continue; // computed shapes (compared "conditions", a route's "urgency", a blocked "action"): not content fields
                }
                if (propertyNames) {
                    keys.add(property.getKey());
                }
                if ("$ref".equals(property.getKey()) && property.getValue().isString()) {
                    refs.add(property.getValue().asString());
                } else {
                    collect(property.getValue(), !propertyNames && "properties".equals(property.getKey()));
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(v -> collect(v, false));
        }
    }
}
