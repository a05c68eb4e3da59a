package org.sacrum.content.entity;

import jakarta.json.JsonObject;

import java.util.Map;
import java.util.Objects;

/**
 * The content model as it was loaded and checked when Sacrum deployed: the JSON Schemas by file name, workflow.json
 * and the topic taxonomy. The loader (content.control.ContentModel) installs it once; validators and rules read it here.
 */
public record ContentModelData(Map<String, JsonObject> schemas, JsonObject workflow, Taxonomy taxonomy) {
    private static volatile ContentModelData installed;

    public ContentModelData {
        schemas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemas));
        Objects.requireNonNull(workflow);
        Objects.requireNonNull(taxonomy);
    }

    public static void install(ContentModelData data) {
        installed = Objects.requireNonNull(data);
    }

    public static ContentModelData current() {
        ContentModelData data = installed;
        if (data == null) {
            throw new IllegalStateException("The content model is not loaded: the ContentModelLoader startup bean loads it"
                    + " when Sacrum deploys; code without a container calls ContentModel.current() first.");
        }
        return data;
    }
}
