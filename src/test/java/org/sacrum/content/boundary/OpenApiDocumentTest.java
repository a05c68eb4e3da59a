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
 * The hand-written OpenAPI 3.1 document (META-INF/openapi.yaml) parses, every reference in it resolves, it refers to the
 * content model's served JSON Schemas instead of restating them, and every operation says its operationId, its security
 * and its 4xx answers as problem+json. (FrontEndIT lints the live document with Redocly's recommended rules.)
 */
class OpenApiDocumentTest {
    /** Relative to the document's URL (/openapi), so that the references hold under any context root. */
    private static final String SCHEMAS = "api/v1/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
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
    void theWebhookEventsListedAreExactlyTheOnesSacrumSends() {
        List<String> listed = new ArrayList<>();
        document.at("/components/schemas/WebhookSubscription/properties/events/items/enum").forEach(e -> listed.add(e.asString()));
        assertEquals(org.sacrum.webhooks.entity.EventType.ids(), listed, "openapi.yaml's event enum follows EventType");
    }

    @Test
    void isAnOpenApi3DocumentWhoseOperationsAnswer() {
        assertEquals("3.1.0", document.get("openapi").asString());
        assertEquals("https://spec.openapis.org/oas/3.1/dialect/base", document.get("jsonSchemaDialect").asString(), "JSON Schema 2020-12");
        for (ContentType type : ContentType.values()) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", ContentModel.schema(type.schemaFile()).getString("$schema"));
        }
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
            String name = component(type);
            assertEquals(SCHEMAS + type.id(), document.at("/components/schemas/" + name + "/$ref").asString(), name);
            for (String view : List.of("Delivered", "Managed")) {
                JsonNode typed = document.at("/components/schemas/" + view + name + "/allOf/1/properties");
                assertEquals("#/components/schemas/" + name, typed.at("/content/$ref").asString(), view + name + " types its content");
                assertEquals(type.id(), typed.at("/type/const").asString(), view + name + " names its type");
            }
            assertEquals("#/components/schemas/Delivered" + name, document.at("/components/schemas/" + name + "Page/properties/items/items/$ref").asString());
            assertEquals("#/components/schemas/Delivered" + name, document.at("/components/schemas/Included/properties/" + type.plural() + "/items/$ref").asString());
            JsonNode list = document.at("/paths/~1api~1v1~1" + type.plural() + "/get/responses/200/$ref");
            assertEquals("#/components/responses/" + name + "Page", list.asString(), type.plural() + " lists are typed by their item");
            JsonNode one = document.at("/paths/~1api~1v1~1" + type.plural() + "~1{slug}/get/responses/200/$ref");
            assertEquals("#/components/responses/Delivered" + name, one.asString(), "one of " + type.plural());
        }
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

    @Test
    void everyOperationHasAnOperationIdSecurityAndProblemAnswers() {
        Set<String> ids = new HashSet<>();
        assertEquals("http", document.at("/components/securitySchemes/bearer/type").asString());
        assertEquals("bearer", document.at("/components/securitySchemes/bearer/scheme").asString());
        assertEquals("basic", document.at("/components/securitySchemes/basic/scheme").asString());
        for (JsonNode server : document.get("servers").values()) {
            String url = server.get("url").asString();
            assertTrue(url.equals("/") || !url.endsWith("/"), "server URL without a trailing slash: " + url);
        }
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                assertTrue(op.hasNonNull("operationId"), where + " has an operationId");
                assertTrue(ids.add(op.get("operationId").asString()), where + ": operationId " + op.get("operationId") + " is unique");
                JsonNode security = op.get("security");
                assertNotNull(security, where + " says its security");
                if (path.getKey().startsWith("/api/v1/")) {
                    assertTrue(security.isEmpty() || security.values().stream().anyMatch(JsonNode::isEmpty), where + ": public, security [] or {}");
                } else {
                    assertEquals(Set.of("bearer", "basic"), security.values().stream().flatMap(s -> s.propertyNames().stream())
                            .collect(java.util.stream.Collectors.toSet()), where + " takes a bearer token or basic credentials");
                }
                boolean any4xx = false;
                for (Map.Entry<String, JsonNode> response : op.get("responses").properties()) {
                    if (response.getKey().startsWith("4")) {
                        any4xx = true;
                        JsonNode answer = resolve(response.getValue());
                        JsonNode schema = answer.at("/content/application~1problem+json/schema");
                        assertFalse(schema.isMissingNode(), where + " " + response.getKey() + " is application/problem+json");
                        assertTrue(isProblem(schema), where + " " + response.getKey() + " has the Problem schema");
                    }
                }
                assertTrue(any4xx, where + " lists its 4xx answers");
            }
        }
    }

    @Test
    void speaksOpenApi31NotItsPredecessor() {
        List<String> nullable = new ArrayList<>();
        find(document, "", "nullable", nullable);
        assertEquals(List.of(), nullable, "3.1 says type: [x, \"null\"]");
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asString().substring(1)) : node;
    }

    private static boolean isProblem(JsonNode schema) {
        if ("#/components/schemas/Problem".equals(schema.path("$ref").asString(""))) {
            return true;
        }
        JsonNode target = resolve(schema);
        return target.has("allOf") && target.get("allOf").values().stream().anyMatch(OpenApiDocumentTest::isProblem);
    }

    private static void find(JsonNode node, String at, String key, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().equals(key)) {
                    found.add(at);
                }
                find(property.getValue(), at + "/" + property.getKey(), key, found);
            }
        } else if (node.isArray()) {
            node.values().forEach(v -> find(v, at + "[]", key, found));
        }
    }

    private static String component(ContentType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.id().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** Collects every $ref, and the property names of every object schema (children of "properties"). */
    private static void collect(JsonNode node) {
        collect(node, false);
    }

    private static void collect(JsonNode node, boolean propertyNames) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (Set.of("Comparison", "CareRoute", "blockedActions", "Included").contains(property.getKey())) {
                    continue; // computed shapes (compared "conditions", a route's "urgency", a blocked "action", included entries by type): not content fields
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
