package org.sacrum.content.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.control.Json;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields of a content type link to entries of which type ("warnings" → warning, "progressions[].exercise" →
 * exercise), so that an editing form can offer a picker. Found, not listed: each slug-valued field of the JSON Schema
 * (common.schema.json#/$defs/slug, directly, in an array, or in an array of objects) is filled with a probe slug and
 * the Java model's links() says which type it lands in. A field the model does not treat as a link (the entry's own
 * slug) is left out.
 */
public final class LinkFields {
    private static final String PROBE = "zz-link-probe";
    private static final Map<ContentType, Map<String, ContentType>> FOUND = Collections.synchronizedMap(new EnumMap<>(ContentType.class));

    private LinkFields() {
    }

    /** Field path → the linked type, in the schema's field order. */
    public static Map<String, ContentType> of(ContentType type) {
        return FOUND.computeIfAbsent(type, LinkFields::find);
    }

    /**
     * The slugs a content links to, by type, read from its JSON through the link fields ({@link #of}): what the Java
     * model's {@code links()} gives, as sets in field order (each slug once per type), without binding the whole content
     * to the model (JSON-B cost a delivery list most of a render when links were read that way).
     */
    public static Map<ContentType, List<String>> linksOf(ContentType type, JsonObject content) {
        Map<ContentType, java.util.LinkedHashSet<String>> found = new EnumMap<>(ContentType.class);
        of(type).forEach((path, linked) -> {
            int inner = path.indexOf("[].");
            String field = inner < 0 ? path : path.substring(0, inner);
            JsonValue value = content.get(field);
            List<JsonValue> values = value instanceof JsonArray array ? array : value == null ? List.of() : List.of(value);
            for (JsonValue item : values) {
                JsonValue slug = inner < 0 ? item : item instanceof JsonObject object ? object.get(path.substring(inner + 3)) : null;
                if (slug instanceof JsonString text) {
                    found.computeIfAbsent(linked, t -> new java.util.LinkedHashSet<>()).add(text.getString());
                }
            }
        });
        Map<ContentType, List<String>> links = new EnumMap<>(ContentType.class);
        found.forEach((linked, slugs) -> links.put(linked, List.copyOf(slugs)));
        return Collections.unmodifiableMap(links);
    }

    private static Map<String, ContentType> find(ContentType type) {
        String file = type.schemaFile();
        Map<String, ContentType> links = new LinkedHashMap<>();
        JsonObject properties = ContentModel.schema(file).getJsonObject("properties");
        properties.forEach((name, value) -> {
            if ("slug".equals(name) || !(value instanceof JsonObject property)) {
                return;
            }
            Node node = resolve(new Node(property, file));
            if (isSlug(new Node(property, file))) {
                probe(type, name, Json.createObjectBuilder().add(name, PROBE).build(), links);
            } else if ("array".equals(node.schema().getString("type", "")) && node.schema().get("items") instanceof JsonObject items) {
                Node item = resolve(new Node(items, node.file()));
                if (isSlug(new Node(items, node.file()))) {
                    probe(type, name, Json.createObjectBuilder().add(name, Json.createArrayBuilder().add(PROBE)).build(), links);
                } else if (item.schema().get("properties") instanceof JsonObject inner) {
                    inner.forEach((innerName, innerValue) -> {
                        if (innerValue instanceof JsonObject innerProperty && isSlug(new Node(innerProperty, item.file()))) {
                            probe(type, name + "[]." + innerName, Json.createObjectBuilder().add(name, Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add(innerName, PROBE))).build(), links);
                        }
                    });
                }
            }
        });
        return Collections.unmodifiableMap(links);
    }

    private static void probe(ContentType type, String path, JsonObject content, Map<String, ContentType> links) {
        Content read;
        try {
            read = ContentCodec.read(type, content.toString());
        } catch (RuntimeException e) {
            return; // a field the Java model cannot hold this way is no link
        }
        read.links().forEach((linked, slugs) -> {
            if (slugs.contains(PROBE)) {
                links.put(path, linked);
            }
        });
    }

    private record Node(JsonObject schema, String file) {
    }

    /** Whether the schema is (a $ref chain to) the shared slug definition. */
    private static boolean isSlug(Node node) {
        for (int depth = 0; depth < 10; depth++) {
            String ref = node.schema().getString("$ref", null);
            if (ref == null) {
                return false;
            }
            if (ref.endsWith("#/$defs/slug") && ("common.schema.json".equals(node.file()) || ref.startsWith("common.schema.json"))) {
                return true;
            }
            node = step(node);
        }
        return false;
    }

    private static Node resolve(Node node) {
        for (int depth = 0; depth < 10 && node.schema().containsKey("$ref"); depth++) {
            node = step(node);
        }
        return node;
    }

    /** Follows one $ref: "#/$defs/range" in the same file or "common.schema.json#/$defs/slugList" in another. */
    private static Node step(Node node) {
        String ref = node.schema().getString("$ref");
        int hash = ref.indexOf('#');
        String file = hash == 0 ? node.file() : hash < 0 ? ref : ref.substring(0, hash);
        JsonValue at = ContentModel.schema(file);
        if (hash >= 0) {
            for (String key : ref.substring(hash + 1).split("/")) {
                if (!key.isEmpty()) {
                    at = at instanceof JsonObject o ? o.get(key) : null;
                }
            }
        }
        return at instanceof JsonObject o ? new Node(o, file) : new Node(JsonValue.EMPTY_JSON_OBJECT, file);
    }
}
