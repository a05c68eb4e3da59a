package org.sacrum.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;

/**
 * jakarta.json.Json's factory methods on one provider looked up once. Json's own methods look the provider
 * up through ServiceLoader on every call, a class-path scan that cost most of a delivery request's time.
 */
public final class Json {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReader createReader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    /**
     * The JSON text of a value as UTF-8 bytes, written straight from the tree: the same text as toString(), no String of it.
     * It is written into this thread's buffer and copied out once: a new stream copied a 40 KB body at each doubling,
     * three times what it kept. A buffer that grew past {@link #KEPT_BYTES} is left for the collector, not kept.
     */
    public static byte[] utf8(JsonObject value) {
        java.io.ByteArrayOutputStream out = BUFFERS.get();
        out.reset();
        try {
            try (JsonWriter writer = PROVIDER.createWriter(out)) {
                writer.write(value);
            }
            return out.toByteArray();
        } finally {
            if (out.size() > KEPT_BYTES) {
                BUFFERS.remove();
            }
        }
    }

    /** The size of the buffer each thread keeps for {@link #utf8}: a list page of 20 exercises is about 90 KB. */
    static final int KEPT_BYTES = 128 * 1024;
    /** A JDK class as the value, so that a container thread keeping one holds nothing of this application's class loader. */
    private static final ThreadLocal<java.io.ByteArrayOutputStream> BUFFERS =
            ThreadLocal.withInitial(() -> new java.io.ByteArrayOutputStream(KEPT_BYTES));

    /** A generator writing to this writer (closing it closes the writer). */
    public static JsonGenerator createGenerator(Writer writer) {
        return PROVIDER.createGenerator(writer);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    /**
     * The JSON object in this text, every string in it held as a String. Parsson's reader holds each string it parsed
     * as a StringBuilder and copies it into a new String on every getString(), which its writer calls each time the
     * tree is written: for a tree that is kept and written with many responses (RenderedRevisions) that is a copy of
     * all its text per response. This builds the tree from the parser's events instead, taking each string once.
     */
    public static JsonObject readObject(String json) {
        try (JsonParser parser = PROVIDER.createParser(new java.io.StringReader(json))) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw new JsonException("not a JSON object: " + first);
            }
            return object(parser);
        }
    }

    private static JsonObject object(JsonParser parser) {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        String name = null;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            if (event == JsonParser.Event.KEY_NAME) {
                name = parser.getString();
            } else {
                builder.add(name, value(parser, event));
            }
        }
        return builder.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event) {
        return switch (event) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> {
                JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    builder.add(value(parser, e));
                }
                yield builder.build();
            }
            case VALUE_STRING -> PROVIDER.createValue(parser.getString());
            case VALUE_NUMBER -> parser.getValue();
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new JsonException("unexpected " + event);
        };
    }
}
