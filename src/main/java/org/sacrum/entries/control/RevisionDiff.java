package org.sacrum.entries.control;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.content.control.ContentCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field-level diff of two revisions: every leaf that was added, removed or changed, by path ("steps[2]",
 * "dosage.holdSeconds.max"). Changed text also gets a word-level inline diff from java-diff-utils, marked
 * with [-removed-] and {+added+}, so a reviewer sees exactly which words moved. A word diff costs up to the
 * product of the two texts' lengths, so texts longer than {@value #MAX_INLINE_CHARS} characters together are
 * reported as changed without an inline diff.
 */
public final class RevisionDiff {
    /** Above this many characters (both sides together) a changed text gets no inline word diff. */
    public static final int MAX_INLINE_CHARS = 20_000;
    private static final DiffRowGenerator WORDS = DiffRowGenerator.create()
            .showInlineDiffs(true).inlineDiffByWord(true).mergeOriginalRevised(true)
            .lineNormalizer(line -> line) // plain text in JSON: no HTML escaping, clients render it as text
            .oldTag(start -> start ? "[-" : "-]").newTag(start -> start ? "{+" : "+}").build();

    public record FieldChange(String field, String change, JsonValue from, JsonValue to, String inline) {
    }

    private RevisionDiff() {
    }

    public static List<FieldChange> between(String fromJson, String toJson) {
        Map<String, JsonValue> from = flatten(ContentCodec.toJsonObject(fromJson));
        Map<String, JsonValue> to = flatten(ContentCodec.toJsonObject(toJson));
        List<FieldChange> changes = new ArrayList<>();
        for (String field : ordered(from, to)) {
            JsonValue a = from.get(field);
            JsonValue b = to.get(field);
            if (Objects.equals(a, b)) {
                continue;
            }
            String change = a == null ? "added" : b == null ? "removed" : "changed";
            changes.add(new FieldChange(field, change, a, b, inline(a, b)));
        }
        return changes;
    }

    /** Fields in the order they appear in the newer revision, then those only the older one had. */
    private static List<String> ordered(Map<String, JsonValue> from, Map<String, JsonValue> to) {
        List<String> fields = new ArrayList<>(to.keySet());
        from.keySet().stream().filter(f -> !to.containsKey(f)).forEach(fields::add);
        return fields;
    }

    private static String inline(JsonValue a, JsonValue b) {
        if (a instanceof JsonString s && b instanceof JsonString t
                && s.getString().length() + t.getString().length() <= MAX_INLINE_CHARS) {
            List<DiffRow> rows = WORDS.generateDiffRows(List.of(s.getString()), List.of(t.getString()));
            return rows.isEmpty() ? null : rows.get(0).getOldLine();
        }
        return null;
    }

    static Map<String, JsonValue> flatten(JsonObject object) {
        Map<String, JsonValue> leaves = new LinkedHashMap<>();
        flatten("", object, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonValue value, Map<String, JsonValue> leaves) {
        if (value instanceof JsonObject o) {
            o.forEach((k, v) -> flatten(path.isEmpty() ? k : path + "." + k, v, leaves));
        } else if (value instanceof JsonArray a) {
            if (a.isEmpty()) {
                leaves.put(path, a);
            }
            for (int i = 0; i < a.size(); i++) {
                flatten(path + "[" + i + "]", a.get(i), leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }
}
