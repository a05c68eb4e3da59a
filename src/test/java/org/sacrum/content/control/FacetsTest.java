package org.sacrum.content.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.BodyRegion;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Equipment;
import org.sacrum.content.entity.Exercise;
import org.sacrum.content.entity.Stage;
import org.sacrum.content.entity.StageNote;
import org.sacrum.content.entity.Warning;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Which facets delivery filters can find each content type by: every facet of every type, without duplicates or nulls. */
class FacetsTest {
    private static Set<Facets.Facet> facets(ContentType type, String json) {
        return Facets.facets(ContentCodec.read(type, json));
    }

    private static Set<Facets.Facet> of(String... nameValues) {
        Set<Facets.Facet> facets = new LinkedHashSet<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            facets.add(new Facets.Facet(nameValues[i], nameValues[i + 1]));
        }
        return facets;
    }

    @Test
    void anExerciseByTopicConditionWarningEquipmentRegionAndStage() {
        Set<Facets.Facet> facets = facets(ContentType.EXERCISE, """
                {"title": "Bridge", "slug": "bridge", "topics": ["back-pain", "pelvic-pain"],
                 "equipment": ["mat", "exercise-ball"], "bodyRegions": ["glutes", "lower-back"],
                 "stages": [{"stage": "trimester-1"}, {"stage": "postpartum", "note": "after clearance"}],
                 "conditions": ["sciatica-in-pregnancy"], "warnings": ["pain-that-does-not-ease"]}""");
        assertEquals(of("topic", "back-pain", "topic", "pelvic-pain", "condition", "sciatica-in-pregnancy",
                "warning", "pain-that-does-not-ease", "equipment", "mat", "equipment", "exercise-ball",
                "region", "glutes", "region", "lower-back", "stage", "trimester-1", "stage", "postpartum"), facets);
    }

    @Test
    void aConditionByTopicLinkedWarningAndLookAlikeCondition() {
        Set<Facets.Facet> facets = facets(ContentType.CONDITION, """
                {"title": "Sciatica", "slug": "sciatica", "topics": ["sciatica"], "exercises": ["cat-cow"],
                 "warnings": ["bowel-or-bladder-changes-with-back-pain"],
                 "differentials": [{"condition": "si-joint-pain", "howToTell": "Where it hurts."}]}""");
        assertEquals(of("topic", "sciatica", "warning", "bowel-or-bladder-changes-with-back-pain", "condition", "si-joint-pain"),
                facets, "linked exercises are not a facet");
    }

    @Test
    void aWarningByTopicConditionStageAndUrgency() {
        Set<Facets.Facet> facets = facets(ContentType.WARNING, """
                {"title": "Preterm labour", "slug": "preterm-labour", "topics": ["preterm-labour"],
                 "stages": ["trimester-2", "trimester-3"], "urgency": "urgent-same-day",
                 "conditions": ["low-back-pain-in-pregnancy"], "exercises": ["cat-cow"]}""");
        assertEquals(of("topic", "preterm-labour", "condition", "low-back-pain-in-pregnancy", "stage", "trimester-2",
                "stage", "trimester-3", "urgency", "urgent-same-day"), facets);
    }

    @Test
    void aPodcastEpisodeByTopicAndCondition() {
        Set<Facets.Facet> facets = facets(ContentType.PODCAST_EPISODE, """
                {"title": "Back pain", "slug": "back-pain-episode", "topics": ["back-pain"], "conditions": ["postpartum-back-pain"]}""");
        assertEquals(of("topic", "back-pain", "condition", "postpartum-back-pain"), facets);
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void aDraftWithNoListsHasNoFacets(ContentType type) {
        assertEquals(Set.of(), facets(type, "{\"title\": \"Draft\", \"slug\": \"draft\"}"));
        assertEquals(Set.of(), facets(type, "{\"title\": \"Draft\", \"slug\": \"draft\", \"topics\": [], \"conditions\": []}"));
    }

    /** A record with these components set and every other one null (as a draft may be), built by its canonical constructor. */
    static <R extends Content> R record(Class<R> type, Map<String, Object> components) throws ReflectiveOperationException {
        RecordComponent[] all = type.getRecordComponents();
        Object[] args = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
            args[i] = components.get(all[i].getName());
        }
        assertTrue(Arrays.stream(all).map(RecordComponent::getName).toList().containsAll(components.keySet()), components.keySet().toString());
        return type.getDeclaredConstructor(Arrays.stream(all).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(args);
    }

    @Test
    void duplicatesAreOneFacetAndNullsNone() throws ReflectiveOperationException {
        assertEquals(of("topic", "back-pain", "condition", "sciatica", "equipment", "mat", "region", "core", "stage", "postpartum"),
                Facets.facets(record(Exercise.class, Map.of(
                        "topics", Arrays.asList("back-pain", null, "back-pain"),
                        "equipment", Arrays.asList(Equipment.MAT, null, Equipment.MAT),
                        "bodyRegions", Arrays.asList(null, BodyRegion.CORE, BodyRegion.CORE),
                        "stages", Arrays.asList(new StageNote(Stage.POSTPARTUM, null), null, new StageNote(Stage.POSTPARTUM, "x")),
                        "conditions", Arrays.asList("sciatica", "sciatica", null),
                        "warnings", Arrays.asList((String) null)))));
        assertEquals(of("stage", "postpartum"), Facets.facets(record(Warning.class, Map.of(
                "stages", Arrays.asList(Stage.POSTPARTUM, null, Stage.POSTPARTUM)))));
        assertEquals(of("condition", "si-joint-pain"), facets(ContentType.CONDITION, """
                {"title": "T", "slug": "t", "differentials": [{"howToTell": "no condition named"},
                 {"condition": "si-joint-pain", "howToTell": "a"}, {"condition": "si-joint-pain", "howToTell": "b"}]}"""));
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void nullListsGiveNoFacets(ContentType type) throws ReflectiveOperationException {
        assertEquals(Set.of(), Facets.facets(record(type.model(), Map.of())));
    }

    @Test
    void theSameValueUnderTwoNamesIsTwoFacets() {
        assertEquals(of("topic", "sciatica", "condition", "sciatica"), facets(ContentType.PODCAST_EPISODE,
                "{\"title\": \"T\", \"slug\": \"t\", \"topics\": [\"sciatica\"], \"conditions\": [\"sciatica\"]}"));
    }

    static Stream<Path> seed(ContentType type) throws IOException {
        return Files.list(Path.of("content-model/seed", type.plural())).filter(f -> f.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @EnumSource(ContentType.class)
    void everySeedEntryHasOnlyDeclaredFacetsAndItsTopics(ContentType type) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = seed(type)) {
            files = listed.toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Content content = ContentCodec.read(type, Files.readString(file));
            Set<Facets.Facet> facets = Facets.facets(content);
            assertTrue(Facets.NAMES.containsAll(facets.stream().map(Facets.Facet::name).collect(Collectors.toSet())), file + ": " + facets);
            assertEquals(Set.copyOf(content.topics()), facets.stream().filter(f -> f.name().equals("topic"))
                    .map(Facets.Facet::value).collect(Collectors.toSet()), file.toString());
            assertTrue(facets.stream().noneMatch(f -> f.value() == null || f.value().isBlank()), file.toString());
        }
    }
}
