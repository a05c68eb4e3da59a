package org.sacrum.entries.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void textsJustAboveTheBoundAreReportedChangedWithoutAnInlineDiff() {
        // every word differs: without the bound, 2 x 60,000 such characters took minutes (a word diff is quadratic)
        String before = IntStream.range(0, RevisionDiff.MAX_INLINE_CHARS).mapToObj(i -> "a").collect(Collectors.joining(" "))
                .substring(0, RevisionDiff.MAX_INLINE_CHARS / 2);
        String after = before.replace('a', 'b') + "b";
        assertEquals(RevisionDiff.MAX_INLINE_CHARS + 1, before.length() + after.length());
        List<RevisionDiff.FieldChange> changes = RevisionDiff.between(content(before), content(after));
        assertEquals(1, changes.size());
        assertEquals("changed", changes.get(0).change());
        assertEquals(after, ((JsonString) changes.get(0).to()).getString());
        assertNull(changes.get(0).inline(), "no inline diff above " + RevisionDiff.MAX_INLINE_CHARS + " characters");
    }

    @Test
    void textsAtTheBoundStillGetAnInlineDiff() {
        String half = "word ".repeat(RevisionDiff.MAX_INLINE_CHARS / 10 - 1);
        List<RevisionDiff.FieldChange> changes = RevisionDiff.between(content(half.strip() + " x"), content(half.strip() + " y"));
        assertEquals(1, changes.size());
        assertEquals(true, changes.get(0).inline() != null && changes.get(0).inline().endsWith("[-x-]{+y+}"), changes.get(0).inline());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<RevisionDiff.FieldChange> diff(String from, String to) {
        return RevisionDiff.between(json(from).toString(), json(to).toString());
    }

    /** field:change pairs, in the order the diff lists them. */
    private static List<String> summary(List<RevisionDiff.FieldChange> changes) {
        return changes.stream().map(c -> c.field() + ":" + c.change()).toList();
    }

    @Test
    void identicalRevisionsHaveNoChangesWhateverTheirKeyOrder() {
        String a = "{\"title\":\"T\",\"dosage\":{\"sets\":2,\"reps\":{\"min\":5,\"max\":10}},\"steps\":[\"a\",\"b\"],\"topics\":[]}";
        String b = "{\"topics\":[],\"steps\":[\"a\",\"b\"],\"dosage\":{\"reps\":{\"max\":10,\"min\":5},\"sets\":2},\"title\":\"T\"}";
        assertEquals(List.of(), diff(a, a));
        assertEquals(List.of(), diff(a, b));
    }

    @Test
    void addedRemovedAndChangedFieldsCarryTheirValues() {
        List<RevisionDiff.FieldChange> changes = diff("{\"title\":\"Old\",\"purpose\":\"Why\",\"sets\":2}",
                "{\"title\":\"New\",\"summary\":\"Short\",\"sets\":2}");
        assertEquals(List.of("title:changed", "summary:added", "purpose:removed"), summary(changes),
                "the newer revision's order first, then what only the older one had");
        RevisionDiff.FieldChange title = changes.get(0);
        assertEquals(Json.createValue("Old"), title.from());
        assertEquals(Json.createValue("New"), title.to());
        assertEquals("[-Old-]{+New+}", title.inline());
        RevisionDiff.FieldChange added = changes.get(1);
        assertNull(added.from());
        assertEquals(Json.createValue("Short"), added.to());
        assertNull(added.inline(), "nothing to compare an added text with");
        RevisionDiff.FieldChange removed = changes.get(2);
        assertEquals(Json.createValue("Why"), removed.from());
        assertNull(removed.to());
        assertNull(removed.inline());
    }

    @Test
    void nestedObjectsAreComparedLeafByLeafWithDottedPaths() {
        List<RevisionDiff.FieldChange> changes = diff(
                "{\"dosage\":{\"sets\":2,\"holdSeconds\":{\"min\":5,\"max\":10},\"frequency\":\"daily\"}}",
                "{\"dosage\":{\"sets\":2,\"holdSeconds\":{\"min\":5,\"max\":20},\"reps\":{\"min\":1,\"max\":3}}}");
        assertEquals(List.of("dosage.holdSeconds.max:changed", "dosage.reps.min:added", "dosage.reps.max:added",
                "dosage.frequency:removed"), summary(changes));
        assertEquals(Json.createValue(10), changes.get(0).from());
        assertEquals(Json.createValue(20), changes.get(0).to());
        assertNull(changes.get(0).inline(), "numbers get no word diff");
    }

    @Test
    void listsAreComparedByPositionIncludingListsOfObjects() {
        assertEquals(List.of("steps[2]:added"), summary(diff("{\"steps\":[\"a\",\"b\"]}", "{\"steps\":[\"a\",\"b\",\"c\"]}")));
        assertEquals(List.of("steps[1]:changed", "steps[2]:removed"),
                summary(diff("{\"steps\":[\"a\",\"b\",\"c\"]}", "{\"steps\":[\"a\",\"c\"]}")),
                "removing from the middle shifts what follows");
        List<RevisionDiff.FieldChange> sources = diff(
                "{\"sources\":[{\"title\":\"A\",\"publisher\":\"NHS\"},{\"title\":\"B\",\"publisher\":\"RCOG\"}]}",
                "{\"sources\":[{\"title\":\"A\",\"publisher\":\"NHS\",\"url\":\"https://nhs.uk\"},{\"title\":\"B\",\"publisher\":\"POGP\"}]}");
        assertEquals(List.of("sources[0].url:added", "sources[1].publisher:changed"), summary(sources));
        assertEquals("[-RCOG-]{+POGP+}", sources.get(1).inline());
        List<RevisionDiff.FieldChange> nested = diff("{\"differentials\":[{\"condition\":\"x\",\"tags\":[\"a\"]}]}",
                "{\"differentials\":[{\"condition\":\"x\",\"tags\":[\"a\",\"b\"]}]}");
        assertEquals(List.of("differentials[0].tags[1]:added"), summary(nested));
    }

    @Test
    void anEmptyListIsAFieldOfItsOwn() {
        assertEquals(List.of("topics:added"), summary(diff("{\"title\":\"T\"}", "{\"title\":\"T\",\"topics\":[]}")));
        List<RevisionDiff.FieldChange> emptied = diff("{\"topics\":[\"a\",\"b\"]}", "{\"topics\":[]}");
        assertEquals(List.of("topics:added", "topics[0]:removed", "topics[1]:removed"), summary(emptied));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, emptied.get(0).to());
        assertEquals(List.of("topics[0]:added", "topics:removed"), summary(diff("{\"topics\":[]}", "{\"topics\":[\"a\"]}")));
    }

    @Test
    void aValueThatChangesTypeIsChangedWithoutAnInlineDiff() {
        List<RevisionDiff.FieldChange> changes = diff("{\"sets\":\"two\",\"dosage\":\"daily\"}",
                "{\"sets\":2,\"dosage\":{\"frequency\":\"daily\"}}");
        assertEquals(List.of("sets:changed", "dosage.frequency:added", "dosage:removed"), summary(changes));
        assertNull(changes.get(0).inline());
    }

    @Test
    void inlineDiffsMarkWordsRemovedAndAdded() {
        assertEquals("Hold for {+about +}ten seconds.", diff("{\"s\":\"Hold for ten seconds.\"}", "{\"s\":\"Hold for about ten seconds.\"}").get(0).inline());
        assertEquals("Hold for [-ten -]seconds.", diff("{\"s\":\"Hold for ten seconds.\"}", "{\"s\":\"Hold for seconds.\"}").get(0).inline());
        assertEquals("<b> [-&-]{+&amp;+} text", diff("{\"s\":\"<b> & text\"}", "{\"s\":\"<b> &amp; text\"}").get(0).inline(),
                "plain text, not HTML-escaped: clients render it as text");
    }
}
