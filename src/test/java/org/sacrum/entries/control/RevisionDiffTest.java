package org.sacrum.entries.control;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RevisionDiffTest {

    private static String content(String summary) {
        return Json.createObjectBuilder().add("title", "Pelvic tilts").add("summary", summary).build().toString();
    }

    @Test
    void shortChangedTextGetsAWordDiff() {
        List<RevisionDiff.FieldChange> changes = RevisionDiff.between(content("Lie on your back."), content("Lie on your side."));
        assertEquals(1, changes.size());
        assertEquals("summary", changes.get(0).field());
        assertEquals("changed", changes.get(0).change());
        assertEquals("Lie on your [-back-]{+side+}.", changes.get(0).inline());
    }

    @Test
    void hugeTextsAreReportedChangedWithoutAQuadraticInlineDiff() {
        // 2 x 60,000 characters of words that all differ: the word diff of these took minutes before the bound
        String before = IntStream.range(0, 10_000).mapToObj(i -> "a" + i).collect(Collectors.joining(" "));
        String after = IntStream.range(0, 10_000).mapToObj(i -> "b" + i).collect(Collectors.joining(" "));
        List<RevisionDiff.FieldChange> changes = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> RevisionDiff.between(content(before), content(after)));
        assertEquals(1, changes.size());
        assertEquals("changed", changes.get(0).change());
        assertEquals(after, ((jakarta.json.JsonString) changes.get(0).to()).getString());
        assertNull(changes.get(0).inline(), "no inline diff above " + RevisionDiff.MAX_INLINE_CHARS + " characters");
    }

    @Test
    void textsAtTheBoundStillGetAnInlineDiff() {
        String half = "word ".repeat(RevisionDiff.MAX_INLINE_CHARS / 10 - 1);
        List<RevisionDiff.FieldChange> changes = RevisionDiff.between(content(half.strip() + " x"), content(half.strip() + " y"));
        assertEquals(1, changes.size());
        assertEquals(true, changes.get(0).inline() != null && changes.get(0).inline().endsWith("[-x-]{+y+}"), changes.get(0).inline());
    }
}
