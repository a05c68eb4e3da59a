package org.sacrum.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.control.Hashes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas of the content model as the API serves them, by name ("exercise" for exercise.schema.json): each
 * body written and hashed once, since the model cannot change while Sacrum runs.
 */
@ApplicationScoped
public class SchemaDocuments {
    private static final String SUFFIX = ".schema.json";
    private volatile Map<String, Document> documents;

    /** A schema as served: its JSON text, its strong ETag value, its title and the content type it describes, if any. */
    public record Document(String name, String title, String id, Optional<ContentType> contentType, String body, String etag) {
    }

    /** Every schema: the content types' first (in ContentType order), then the shared parts they refer to. */
    public List<Document> all() {
        return List.copyOf(documents().values());
    }

    public Optional<Document> find(String name) {
        return Optional.ofNullable(documents().get(name));
    }

    private Map<String, Document> documents() {
        Map<String, Document> loaded = documents;
        if (loaded == null) {
            loaded = new LinkedHashMap<>();
            for (Map.Entry<String, JsonObject> schema : ContentModel.current().data().schemas().entrySet()) {
                String name = schema.getKey().substring(0, schema.getKey().length() - SUFFIX.length());
                String body = schema.getValue().toString();
                loaded.put(name, new Document(name, schema.getValue().getString("title", name), schema.getValue().getString("$id"),
                        ContentType.byId(name), body, Hashes.sha256(body).substring(0, 32)));
            }
            documents = Collections.unmodifiableMap(loaded);
        }
        return loaded;
    }
}
