package org.sacrum.content.control;

import com.networknt.schema.Schema;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.content.entity.ContentModelData;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Taxonomy;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The content model as data: content-model/ is packaged into the WAR's classpath, and this reads and checks it. The
 * startup bean {@link ContentModelLoader} loads it when Sacrum deploys, so a missing or broken schema, workflow.json
 * or topics.json fails the deployment with a {@link ModelFileException} naming the file and the problem. Once
 * installed it cannot change while Sacrum runs; entity-layer code reads it through {@link ContentModelData}.
 */
public final class ContentModel {
    public static final String ROOT = "content-model/";
    static final String SCHEMA_ID_PREFIX = "https://sacrum.dev/schemas/";
    static final String TOPIC_SCHEMA = "topic.schema.json";
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** A $ref to another file of content-model/schemas (never to anything outside it), with an optional fragment. */
    private static final Pattern FILE_REF = Pattern.compile("^([a-z][a-z0-9-]*\\.schema\\.json)(#.*)?$");
    private static final Object INSTALLING = new Object();
    private static volatile ContentModel installed;

    private final ContentModelData data;
    private final Map<ContentType, Schema> validators;
    private final Map<ContentType, List<String>> markdownFields;

    private ContentModel(ContentModelData data, Map<ContentType, Schema> validators, Map<ContentType, List<String>> markdownFields) {
        this.data = data;
        this.validators = validators;
        this.markdownFields = markdownFields;
    }

    /** Reads and checks content-model/ from the classpath (the WAR's, or the tests'). */
    public static ContentModel fromClasspath() {
        return load(path -> ContentModel.class.getClassLoader().getResourceAsStream(ROOT + path));
    }

    /**
     * Reads and checks the content model from files by path under content-model/ (a null stream is a missing file):
     * every content type's schema and the files they refer to, topics.json (against topic.schema.json) and workflow.json.
     */
    static ContentModel load(Function<String, InputStream> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        for (ContentType type : ContentType.values()) {
            pending.add(type.schemaFile());
        }
        pending.add(TOPIC_SCHEMA);
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            if (schemas.containsKey(file)) {
                continue;
            }
            String path = "schemas/" + file;
            String text = text(files, path);
            JsonObject schema = parse(path, text).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                    .orElseThrow(() -> new ModelFileException(path, "a JSON Schema must be a JSON object")).asJsonObject();
            checkSchema(path, file, schema, text);
            texts.put(file, text);
            schemas.put(file, schema);
            pending.addAll(referencedFiles(path, schema));
        }
        for (ContentType type : ContentType.values()) {
            checkContentType("schemas/" + type.schemaFile(), schemas.get(type.schemaFile()));
        }
        Map<ContentType, Schema> validators = compile(texts);
        JsonObject workflow = parse("workflow.json", text(files, "workflow.json"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .orElseThrow(() -> new ModelFileException("workflow.json", "must be a JSON object")).asJsonObject();
        String topicsText = text(files, "topics.json");
        JsonArray topics = parse("topics.json", topicsText).filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                .orElseThrow(() -> new ModelFileException("topics.json", "must be a JSON array of topics")).asJsonArray();
        checkTopics(texts, topicsText, topics);
        Map<ContentType, List<String>> markdown = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            List<String> paths = new ArrayList<>();
            collectMarkdown("", schemas.get(type.schemaFile()), paths);
            markdown.put(type, List.copyOf(paths));
        }
        return new ContentModel(new ContentModelData(schemas, workflow, new Taxonomy(topics)), validators, markdown);
    }

    /** Makes this the content model everything reads from now on. */
    public ContentModel install() {
        synchronized (INSTALLING) {
            ContentModelData.install(data);
            installed = this;
        }
        return this;
    }

    /** The installed content model; without a container (unit tests, tools) the first call loads it from the classpath. */
    public static ContentModel current() {
        ContentModel model = installed;
        if (model != null) {
            return model;
        }
        synchronized (INSTALLING) {
            return installed != null ? installed : fromClasspath().install();
        }
    }

    public ContentModelData data() {
        return data;
    }

    Schema validator(ContentType type) {
        return validators.get(type);
    }

    // The API the rest of Sacrum uses: each reads the installed model.

    public static JsonArray topics() {
        return current().data.taxonomy().topics();
    }

    public static Set<String> topicSlugs() {
        return current().data.taxonomy().slugs();
    }

    /** The topic and every topic below it in the taxonomy ("back-pain" also means "low-back-pain"). */
    public static List<String> topicWithDescendants(String slug) {
        return current().data.taxonomy().withDescendants(slug);
    }

    /** A schema by its file name, such as "exercise.schema.json". */
    public static JsonObject schema(String file) {
        JsonObject schema = current().data.schemas().get(file);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + file + " in the content model");
        }
        return schema;
    }

    /** Fields a draft must have, as the schema's x-sacrum-draft-required lists them. */
    public static List<String> draftRequired(ContentType type) {
        return strings(schema(type.schemaFile()).getJsonArray("x-sacrum-draft-required"));
    }

    public static List<String> required(ContentType type) {
        return strings(schema(type.schemaFile()).getJsonArray("required"));
    }

    public static JsonObject workflow() {
        return current().data.workflow();
    }

    /** Paths of the Markdown fields (common.schema.json#/$defs/markdown) of a type, such as "purpose" or "differentials[].howToTell". */
    public static List<String> markdownFields(ContentType type) {
        return current().markdownFields.get(type);
    }

    /** Any file under content-model/ on the classpath, such as the seed content. */
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

    private static String text(Function<String, InputStream> files, String path) {
        try (InputStream in = files.apply(path)) {
            if (in == null) {
                throw new ModelFileException(path, "missing (it must be packaged under " + ROOT + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot be read: " + e.getMessage());
        }
    }

    private static java.util.Optional<JsonValue> parse(String path, String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return java.util.Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new ModelFileException(path, "not valid JSON: " + e.getMessage());
        }
    }

    private static void checkSchema(String path, String file, JsonObject schema, String text) {
        if (!DIALECT.equals(schema.getString("$schema", null))) {
            throw new ModelFileException(path, "\"$schema\" must be \"" + DIALECT + "\"");
        }
        if (!(SCHEMA_ID_PREFIX + file).equals(schema.getString("$id", null))) {
            throw new ModelFileException(path, "\"$id\" must be \"" + SCHEMA_ID_PREFIX + file + "\" (references between schemas resolve by it)");
        }
        List<String> problems = SchemaValidation.metaSchemaProblems(text);
        if (!problems.isEmpty()) {
            throw new ModelFileException(path, "not a valid JSON Schema 2020-12: " + String.join("; ", problems));
        }
    }

    private static void checkContentType(String path, JsonObject schema) {
        if (!"object".equals(schema.getString("type", null)) || !(schema.get("properties") instanceof JsonObject properties)
                || properties.isEmpty()) {
            throw new ModelFileException(path, "a content type's schema must be of \"type\": \"object\" with \"properties\"");
        }
        for (String list : List.of("required", "x-sacrum-draft-required")) {
            if (!(schema.get(list) instanceof JsonArray names) || names.stream().anyMatch(n -> n.getValueType() != JsonValue.ValueType.STRING)) {
                throw new ModelFileException(path, "\"" + list + "\" must be an array of property names");
            }
            List<String> unknown = strings(names).stream().filter(n -> !properties.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                throw new ModelFileException(path, "\"" + list + "\" names no property: " + unknown);
            }
        }
    }

    private static Map<ContentType, Schema> compile(Map<String, String> texts) {
        try {
            return SchemaValidation.compile(texts);
        } catch (RuntimeException e) {
            throw new ModelFileException("schemas/", "the schemas do not compile: " + e.getMessage());
        }
    }

    /** Every file named by a $ref in this schema; a $ref to anything but a file of content-model/schemas is refused. */
    private static Set<String> referencedFiles(String path, JsonValue node) {
        Set<String> files = new java.util.LinkedHashSet<>();
        collectRefs(path, node, files);
        return files;
    }

    private static void collectRefs(String path, JsonValue node, Set<String> files) {
        if (node instanceof JsonObject object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof JsonString ref && !ref.getString().startsWith("#")) {
                    var file = FILE_REF.matcher(ref.getString());
                    if (!file.matches()) {
                        throw new ModelFileException(path, "\"$ref\": \"" + ref.getString()
                                + "\" must be \"#...\" or name another file of " + ROOT + "schemas/");
                    }
                    files.add(file.group(1));
                } else {
                    collectRefs(path, value, files);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collectRefs(path, item, files));
        }
    }

    /** topics.json: valid under topic.schema.json, each slug once, each parent a topic listed before it (so no cycle). */
    private static void checkTopics(Map<String, String> schemaTexts, String text, JsonArray topics) {
        List<Violation> violations = SchemaValidation.check(schemaTexts, TOPIC_SCHEMA, text);
        if (!violations.isEmpty()) {
            throw new ModelFileException("topics.json", "breaks schemas/" + TOPIC_SCHEMA + ": " + violations.stream()
                    .map(v -> (v.field().isEmpty() ? "" : v.field() + " ") + v.rule() + " (" + v.message() + ")").toList());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            JsonObject topic = topics.getJsonObject(i);
            String slug = topic.getString("slug");
            if (!seen.add(slug)) {
                throw new ModelFileException("topics.json", "[" + i + "]: topic \"" + slug + "\" is listed twice");
            }
            String parent = topic.getString("parent", null);
            if (parent != null && !seen.contains(parent) || slug.equals(parent)) {
                throw new ModelFileException("topics.json", "[" + i + "]: parent \"" + parent + "\" of \"" + slug
                        + "\" must be a topic listed before it");
            }
        }
    }

    private static void collectMarkdown(String prefix, JsonObject schema, List<String> paths) {
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        properties.forEach((name, value) -> {
            if (!(value instanceof JsonObject property)) {
                return;
            }
            if (property.getString("$ref", "").endsWith("#/$defs/markdown")) {
                paths.add(prefix + name);
            } else if ("array".equals(property.getString("type", "")) && property.get("items") instanceof JsonObject items) {
                collectMarkdown(prefix + name + "[].", items, paths);
            }
        });
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
