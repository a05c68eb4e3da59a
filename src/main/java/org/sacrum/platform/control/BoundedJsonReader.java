package org.sacrum.platform.control;

import java.util.Locale;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a request body as a JSON object, defensively: at most {@code maxBytes} bytes (413 above), at most
 * {@code maxDepth} nested objects/arrays (400), complete and well-formed (400, with line and column), no duplicate
 * keys, numbers of sane size, and an object at the top (400 for {@code null}, {@code []}, {@code "x"}, {@code 42}).
 * The tree is built without recursion, so no input can overflow the stack or loop, and nothing downstream (JSON-B)
 * ever sees truncated input.
 */
public final class BoundedJsonReader {
    public static final long DEFAULT_MAX_BYTES = 1_048_576;
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Longest number literal accepted; a longer one, or a huge exponent, is a denial-of-service attempt. */
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NUMBER_EXPONENT = 400;
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private final long maxBytes;
    private final int maxDepth;

    public BoundedJsonReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads the whole stream (never more than maxBytes + 1 bytes) and parses it. */
    public JsonObject readObject(InputStream in) {
        return parseObject(readBounded(in));
    }

    byte[] readBounded(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge(maxBytes);
                }
            }
        } catch (IOException e) {
            throw incomplete(); // the client stopped sending, or too slowly for the listener's read timeout
        }
        return out.toByteArray();
    }

    public static ProblemException tooLarge(long maxBytes) {
        return ProblemException.payloadTooLarge("body-too-large", "The request body is larger than " + maxBytes + " bytes.",
                List.of(new Violation("", "body-too-large", "must be at most " + maxBytes + " bytes")));
    }

    /** 408: the body stopped arriving (a slow or cut-off client); not a server error, so nothing is logged as one. */
    public static ProblemException incomplete() {
        return new ProblemException(Problem.of(408, "body-incomplete", "Request timeout",
                "The request body did not arrive in full.", List.of(new Violation("", "body-incomplete", "must arrive in full and in time"))));
    }

    public static ProblemException missing() {
        return ProblemException.badRequest("body-missing", "This request needs a JSON object as its body.",
                List.of(new Violation("", "body-missing", "a JSON object body is required")));
    }

    /** Parses bytes already bounded in size into a JSON object. */
    public JsonObject parseObject(byte[] bytes) {
        if (blank(bytes)) {
            throw missing();
        }
        JsonValue value = parse(utf8(bytes));
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("body-not-object", "The request body must be a JSON object, not "
                    + value.getValueType().name().toLowerCase(Locale.ROOT) + ".", List.of(new Violation("", "body-not-object", "must be a JSON object")));
        }
        return value.asJsonObject();
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** One open object or array while parsing: its builder, the keys seen so far and its path for messages. */
    private static final class Open {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> keys;
        final String path;
        String key;
        int index;

        Open(boolean isObject, String path) {
            this.object = isObject ? PROVIDER.createObjectBuilder() : null;
            this.array = isObject ? null : PROVIDER.createArrayBuilder();
            this.keys = isObject ? new HashSet<>() : null;
            this.path = path;
        }

        String childPath() {
            return object != null ? (path.isEmpty() ? key : path + "." + key) : path + "[" + index + "]";
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
                index++;
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    /** JSON between systems is UTF-8 (RFC 8259); bytes that are not are refused rather than silently replaced. */
    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw malformed("the body is not valid UTF-8", null);
        }
    }

    private JsonValue parse(String text) {
        Deque<Open> open = new ArrayDeque<>();
        JsonValue result = null;
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                if (result != null) {
                    throw malformed("unexpected content after the JSON value", parser.getLocation());
                }
                JsonParser.Event event = parser.next();
                Open parent = open.peek();
                String path = parent == null ? "" : parent.childPath();
                JsonValue scalar = null;
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (open.size() >= maxDepth) {
                            throw ProblemException.badRequest("body-too-deep", "The request body nests objects and arrays more than "
                                    + maxDepth + " levels deep.", List.of(new Violation(path, "body-too-deep", "must nest at most " + maxDepth + " levels")));
                        }
                        open.push(new Open(event == JsonParser.Event.START_OBJECT, path));
                    }
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!parent.keys.add(key)) {
                            parent.key = key;
                            throw ProblemException.badRequest("duplicate-field", "The field " + quoted(parent.childPath()) + " appears twice.",
                                    List.of(new Violation(parent.childPath(), "duplicate-field", "must appear only once")));
                        }
                        parent.key = key;
                    }
                    case END_OBJECT, END_ARRAY -> scalar = open.pop().build();
                    case VALUE_STRING -> scalar = PROVIDER.createValue(parser.getString());
                    case VALUE_NUMBER -> scalar = PROVIDER.createValue(number(parser.getString(), path));
                    case VALUE_TRUE -> scalar = JsonValue.TRUE;
                    case VALUE_FALSE -> scalar = JsonValue.FALSE;
                    case VALUE_NULL -> scalar = JsonValue.NULL;
                    default -> throw malformed("unexpected " + event, parser.getLocation());
                }
                if (scalar != null) {
                    Open into = open.peek();
                    if (into == null) {
                        result = scalar;
                    } else {
                        into.add(scalar);
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw malformed(e.getMessage(), e.getLocation());
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw malformed(e.getMessage(), null); // input ending early
        }
        if (result == null) {
            throw malformed("the body ends before the JSON value is complete", null);
        }
        return result;
    }

    private static BigDecimal number(String literal, String path) {
        BigDecimal number = literal.length() > MAX_NUMBER_CHARS ? null : parsedOrNull(literal);
        if (number == null || Math.abs((long) number.precision() - number.scale()) > MAX_NUMBER_EXPONENT) {
            throw ProblemException.badRequest("number-out-of-range", "The number at " + quoted(path) + " is too long or too large.",
                    List.of(new Violation(path, "number-out-of-range", "must be at most " + MAX_NUMBER_CHARS
                            + " characters and below 1e" + MAX_NUMBER_EXPONENT + " in size")));
        }
        return number;
    }

    // An exponent beyond int (1e9999999999) is valid JSON that BigDecimal cannot hold.
    private static BigDecimal parsedOrNull(String literal) {
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException malformed(String message, JsonLocation location) {
        String where = location == null || location.getLineNumber() < 0 ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
        return ProblemException.badRequest("malformed-json", "The request body is not complete, well-formed JSON" + where + ".",
                List.of(new Violation("", "malformed-json", (message == null ? "not JSON" : message) + where)));
    }

    private static String quoted(String path) {
        return "'" + path + "'";
    }

    /**
     * Refuses fields the target record does not declare (with the field's path), through nested records and lists
     * of records, so a misspelt field is an error rather than silently dropped; a boolean field must be true, false or
     * null (JSON-B reads any string as a boolean). Other types are not checked.
     */
    public static void refuseUnknownFields(JsonValue value, Type type) {
        refuseUnknownFields(value, type, "");
    }

    private static void refuseUnknownFields(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if ((raw == Boolean.class || raw == boolean.class) && value != null && value != JsonValue.NULL
                && value != JsonValue.TRUE && value != JsonValue.FALSE) { // JSON-B would read "yes" as false
            String field = path.isEmpty() ? "body" : path;
            throw ProblemException.badRequest("type", "The field " + quoted(field) + " must be true or false.",
                    List.of(new Violation(field, "type", "must be a boolean")));
        }
        if (raw.isRecord() && value instanceof JsonObject object) {
            for (String key : object.keySet()) {
                RecordComponent component = component(raw, key);
                String field = path.isEmpty() ? key : path + "." + key;
                if (component == null) {
                    throw ProblemException.badRequest("unknown-field", "The field " + quoted(field) + " is not part of this request.",
                            List.of(new Violation(field, "unknown-field", "is not a known field")));
                }
                refuseUnknownFields(object.get(key), component.getGenericType(), field);
            }
        } else if (Collection.class.isAssignableFrom(raw) && value instanceof JsonArray array
                && type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            for (int i = 0; i < array.size(); i++) {
                refuseUnknownFields(array.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]");
            }
        }
    }

    private static RecordComponent component(Class<?> record, String jsonName) {
        for (RecordComponent c : record.getRecordComponents()) {
            JsonbProperty renamed = c.getAccessor().getAnnotation(JsonbProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            if (name.equals(jsonName)) {
                return c;
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
