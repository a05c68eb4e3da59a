package org.sacrum.content.control;

import org.sacrum.content.entity.ContentType;

import org.sacrum.platform.control.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The content model as data: content-model/ is packaged into the WAR's classpath, and this reads it.
 * Schemas, topics and the workflow are read once; they cannot change while Sacrum runs.
 */
public final class ContentModel {
    public static final String ROOT = "content-model/";
    private static final JsonArray TOPICS = readArray("topics.json");
    private static final Set<String> TOPIC_SLUGS = Collections.unmodifiableSet(new LinkedHashSet<>(
            TOPICS.stream().map(t -> t.asJsonObject().getString("slug")).toList()));

    private ContentModel() {
    }

    public static JsonArray topics() {
        return TOPICS;
    }

    public static Set<String> topicSlugs() {
        return TOPIC_SLUGS;
    }

    /** The topic and every topic below it in the taxonomy ("back-pain" also means "low-back-pain"). */
    public static List<String> topicWithDescendants(String slug) {
        List<String> found = new java.util.ArrayList<>(List.of(slug));
        for (int i = 0; i < found.size(); i++) {
            String parent = found.get(i);
            TOPICS.stream().map(t -> t.asJsonObject()).filter(t -> parent.equals(t.getString("parent", null)))
                    .forEach(t -> found.add(t.getString("slug")));
        }
        return found;
    }

    public static JsonObject schema(String file) {
        return read("schemas/" + file).asJsonObject();
    }

    /** Fields a draft must have, as the schema's x-sacrum-draft-required lists them. */
    public static List<String> draftRequired(ContentType type) {
        return strings(schema(type.schemaFile()).getJsonArray("x-sacrum-draft-required"));
    }

    public static List<String> required(ContentType type) {
        return strings(schema(type.schemaFile()).getJsonArray("required"));
    }

    public static JsonObject workflow() {
        return read("workflow.json").asJsonObject();
    }

    public static InputStream open(String path) {
        InputStream in = ContentModel.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalStateException("content model file missing from the classpath: " + ROOT + path);
        }
        return in;
    }

    public static JsonValue read(String path) {
        try (InputStream in = open(path); JsonReader reader = Json.createReader(in)) {
            return reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonArray readArray(String path) {
        return read(path).asJsonArray();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
