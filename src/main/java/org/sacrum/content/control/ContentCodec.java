package org.sacrum.content.control;

import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;

import org.sacrum.platform.control.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads and writes content JSON through the Java model; the written form is canonical, so equal content hashes equal. */
public final class ContentCodec {
    public static final String DEFAULT_LOCALE = "en-GB";
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private ContentCodec() {
    }

    /** The JSON object with defaults filled in (locale), before schema and Bean Validation. */
    public static JsonObject withDefaults(JsonObject content) {
        if (content.containsKey("locale")) {
            return content;
        }
        return Json.createObjectBuilder(content).add("locale", DEFAULT_LOCALE).build();
    }

    public static Content read(ContentType type, String json) {
        return JSONB.fromJson(json, type.model());
    }

    public static String write(Content content) {
        return JSONB.toJson(content);
    }

    public static JsonObject toJsonObject(String json) {
        return Json.readObject(json); // its strings held as Strings: a kept tree (RenderedRevisions) is written without copies
    }
}
