package org.sacrum.seed.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.FieldProvenance;
import org.sacrum.content.entity.ProvenanceBasis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample content audit of issue #14, as assertions, so the fixes cannot silently regress: urgencies, stages,
 * links, citations only to articles that contain the item (checked against the articles themselves), the dated
 * 2012 advice kept out of what is published, editorial text marked, and every seed file flagged as sample.
 */
class SampleContentTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final Map<String, Seed> SEED = load();

    record Seed(SeedImporter.SeedFile file, JsonObject json, Content content) {
        boolean published() {
            return !file.changesRequested();
        }

        String slug() {
            return content.slug();
        }

        ContentType type() {
            return file.type();
        }
    }

    static Map<String, Seed> load() {
        Map<String, Seed> seed = new LinkedHashMap<>();
        for (SeedImporter.SeedFile file : SeedImporter.manifest()) {
            JsonObject json = file.content(); // throws unless the file says "sample": true
            Content content = ContentCodec.read(file.type(), json.toString());
            seed.put(file.type().id() + "/" + content.slug(), new Seed(file, json, content));
        }
        return seed;
    }

    static Seed seed(ContentType type, String slug) {
        Seed seed = SEED.get(type.id() + "/" + slug);
        assertNotNull(seed, type.id() + " " + slug + " is not in the seed manifest");
        return seed;
    }

    static JsonObject warning(String slug) {
        return seed(ContentType.WARNING, slug).json();
    }

    static List<String> strings(JsonObject json, String field) {
        return json.containsKey(field) ? json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
    }

    static Stream<Seed> all(ContentType type) {
        return SEED.values().stream().filter(s -> s.type() == type);
    }

    // ---- sample flags ------------------------------------------------------------------------------------------

    @Test
    void everySeedFileSaysItIsSample() {
        assertTrue(SEED.size() >= 36, "the seed: " + SEED.keySet());
        SEED.values().forEach(s -> assertEquals(JsonValue.TRUE, s.json().get("sample"), s.slug()));
    }

    // ---- urgencies, stages, links ------------------------------------------------------------------------------

    @Test
    void bowelOrBladderChangesAreAnEmergencyWithTheirSignsAfterBirthToo() {
        JsonObject w = warning("bowel-or-bladder-changes-with-back-pain");
        assertEquals("emergency", w.getString("urgency"));
        String pattern = w.getString("symptomPattern");
        for (String sign : List.of("bowels", "unable", "leaking of urine", "genitals or anus", "both")) {
            assertTrue(pattern.contains(sign), "missing sign '" + sign + "': " + pattern);
        }
        assertTrue(strings(w, "stages").contains("postpartum"));
        assertTrue(w.getString("action").contains("999"), w.getString("action"));
        for (String condition : List.of("postpartum-back-pain", "tight-pelvic-floor-back-pain")) {
            assertTrue(strings(seed(ContentType.CONDITION, condition).json(), "warnings").contains("bowel-or-bladder-changes-with-back-pain"),
                    condition + " must link the bowel and bladder warning");
            assertTrue(strings(w, "conditions").contains(condition));
        }
    }

    @Test
    void numbnessOrWeaknessStepsUpToEmergencyWhenWorseOrInBothLegs() {
        JsonObject w = warning("numbness-weakness-or-frozen-sensation");
        String action = w.getString("action");
        assertTrue(action.contains("getting worse") && action.contains("both legs") && action.contains("999"), action);
        assertTrue(w.getString("symptomPattern").contains("both legs"));
        // A site routes by urgency: the step up is a warning of its own at the emergency tier, linked wherever the first is
        JsonObject worse = warning("leg-numbness-or-weakness-getting-worse-or-in-both-legs");
        assertEquals("emergency", worse.getString("urgency"));
        assertTrue(worse.getString("symptomPattern").contains("getting worse") && worse.getString("symptomPattern").contains("both legs"));
        SEED.values().stream().filter(s -> s.content().links().getOrDefault(ContentType.WARNING, List.of())
                .contains("numbness-weakness-or-frozen-sensation")).forEach(s -> assertTrue(
                s.content().links().get(ContentType.WARNING).contains("leg-numbness-or-weakness-getting-worse-or-in-both-legs"),
                s.slug() + " links the numbness warning but not its emergency step up"));
    }

    @Test
    void pretermLabourUrgencyAndActionAgreeAndItsWeeksAreThePodcasts() {
        JsonObject w = warning("preterm-labour-back-pain");
        assertEquals("emergency", w.getString("urgency"));
        assertTrue(NOW.matcher(w.getString("action")).find());
        assertEquals(25, w.getJsonObject("gestationalWeeks").getInt("from"), "001: around 25-26 weeks or later");
        assertEquals(List.of("trimester-2", "trimester-3"), strings(w, "stages"));
        String pattern = w.getString("symptomPattern");
        for (String sign : List.of("10 to 15 minutes", "a minute or two", "an hour or two", "rested", "harder")) {
            assertTrue(pattern.contains(sign), "001's sign '" + sign + "': " + pattern);
        }
    }

    static final Pattern NOW = Pattern.compile("\\bnow\\b", Pattern.CASE_INSENSITIVE);

    /** An emergency's action says "now"; any other warning says "now" only in a step-up ("If it gets worse, ... now"). */
    @Test
    void everyWarningsUrgencyAgreesWithItsAction() {
        all(ContentType.WARNING).forEach(s -> {
            String action = s.json().getString("action");
            if ("emergency".equals(s.json().getString("urgency"))) {
                assertTrue(NOW.matcher(action).find(), s.slug() + ": an emergency must say now: " + action);
            } else {
                for (String sentence : action.split("(?<=\\.)\\s+")) {
                    assertTrue(!NOW.matcher(sentence).find() || sentence.startsWith("If "),
                            s.slug() + " is " + s.json().getString("urgency") + " but says now: " + sentence);
                }
            }
        });
    }

    // ---- the dated 2012 advice -----------------------------------------------------------------------------------

    @Test
    void theDated2012AdviceIsNotPublishedAndReviewSendsItBack() {
        Seed alone = seed(ContentType.WARNING, "exercising-alone-in-pregnancy");
        assertEquals(SeedImporter.SeedFile.CHANGES_REQUESTED, alone.file().state());
        assertTrue(alone.file().comments().stream().anyMatch(c -> c.field().isEmpty() && c.comment().contains("2012")
                && c.comment().contains("dated")), alone.file().comments().toString());
        Pattern dated = Pattern.compile("someone with you|someone nearby|by yourself|exercis\\w* alone", Pattern.CASE_INSENSITIVE);
        SEED.values().stream().filter(Seed::published).forEach(s -> {
            assertFalse(dated.matcher(s.json().toString()).find(), s.slug() + " repeats the 2012 'not alone' advice");
            s.content().links().values().forEach(slugs -> assertFalse(slugs.contains(alone.slug()), s.slug() + " links the unpublished warning"));
        });
    }

    @Test
    void the2012SourceIsMarkedDatedWhereverItIsCited() {
        SEED.values().forEach(s -> s.content().sources().stream()
                .filter(c -> c.publishedOn() != null && c.publishedOn().getYear() == 2012)
                .forEach(c -> assertTrue(Boolean.TRUE.equals(c.dated()) && c.note() != null, s.slug() + ": " + c)));
    }

    @Test
    void publishedEntriesLinkOnlyToPublishedWarningsThatExist() {
        SEED.values().stream().filter(Seed::published).forEach(s -> s.content().links().forEach((type, slugs) -> slugs.forEach(slug -> {
            Seed target = SEED.get(type.id() + "/" + slug);
            assertNotNull(target, s.slug() + " links a missing " + type.id() + " " + slug);
            if (type == ContentType.WARNING) {
                assertTrue(target.published(), s.slug() + " links the unpublished warning " + slug);
            }
        })));
    }

    // ---- editorial text, provenance --------------------------------------------------------------------------------

    @Test
    void provenanceIsValidAndCoversWhatReviewersMustSee() {
        SEED.values().forEach(s -> {
            assertEquals(Set.of(), VALIDATOR.validate(s.content()).stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.toSet()), s.slug());
            assertNotNull(s.content().provenance(), s.slug() + " has no provenance");
        });
        all(ContentType.EXERCISE).forEach(s -> assertMarked(s, "steps", "stopRules"));
        all(ContentType.WARNING).forEach(s -> assertMarked(s, "urgency", "action", "symptomPattern"));
    }

    static void assertMarked(Seed seed, String... fields) {
        Set<String> marked = seed.content().provenance().stream().map(FieldProvenance::topField).collect(Collectors.toSet());
        for (String field : fields) {
            assertTrue(marked.contains(field), seed.slug() + ": no provenance for " + field);
        }
    }

    static boolean editorial(Seed seed, String field) {
        return seed.content().provenance().stream().anyMatch(p -> p.field().equals(field) && p.basis() == ProvenanceBasis.EDITORIAL);
    }

    @Test
    void editorWrittenTextTheAuditFoundIsMarkedEditorial() {
        // the ten exercises of 003 name the exercise but give no steps
        all(ContentType.EXERCISE).filter(s -> s.content().sources().stream().allMatch(c -> c.title().startsWith("SI Joint Pain in Pregnancy")))
                .forEach(s -> assertTrue(editorial(s, "steps"), s.slug() + ": 003 gives no steps"));
        assertTrue(editorial(seed(ContentType.EXERCISE, "seated-hip-hinge-stretch"), "startingPosition"), "figure-four is the editors' reading");
        assertTrue(editorial(seed(ContentType.EXERCISE, "sciatic-nerve-flossing"), "purpose"), "002's probable typo: a clinician decides");
        assertTrue(editorial(seed(ContentType.EXERCISE, "pelvic-floor-exercises"), "steps"), "no source describes a pelvic floor contraction");
        JsonObject sciatica = seed(ContentType.CONDITION, "sciatica-in-pregnancy").json();
        assertEquals(List.of("Standing", "Walking"), strings(sciatica, "aggravatedBy"), "onset causes belong under causes");
        SEED.values().forEach(s -> assertFalse(s.json().toString().contains("never at the side or front")
                || s.json().toString().contains("(never the side or front)"), s.slug() + ": the absolute 'never' is softened and flagged"));
    }

    // ---- citations against the articles -------------------------------------------------------------------------------

    /** What an article must say for an exercise to cite it (case-insensitive). Every exercise needs a line here. */
    static final Map<String, String> MENTIONS = Map.ofEntries(
            Map.entry("arm-and-leg-raises", "arm and leg raises"),
            Map.entry("band-pull-apart", "band pull apart"),
            Map.entry("bridge-hip-thrust", "bridge or hip thrust"),
            Map.entry("cat-cow", "cat/cow"),
            Map.entry("countertop-adductor-stretch", "adductor"),
            Map.entry("deadlift-hip-hinge", "deadlift"),
            Map.entry("diaphragmatic-breathing", "diaphragmatic breathing|belly breathing"),
            Map.entry("flat-back-countertop-stretch", "flat back stretch"),
            Map.entry("glute-ball-release", "lacrosse ball|tennis ball"),
            Map.entry("it-band-stretch", "ITB stretch"),
            Map.entry("log-roll-knees-together", "log-rolling|rolling by squeezing your knees together"),
            Map.entry("pelvic-tilts", "pelvic tilt|rocking your pelvis"),
            Map.entry("piriformis-stretch", "piriformis stretch"),
            Map.entry("quadruped-hip-extension", "quadruped hip ext"),
            Map.entry("sciatic-nerve-flossing", "sciatic nerve flossing"),
            Map.entry("seated-hip-hinge-stretch", "hinging at the hips"),
            Map.entry("side-lying-clamshell", "clamshell"),
            Map.entry("squats", "(?<!wall )squats\\b"),
            Map.entry("wall-squats", "wall squats"),
            Map.entry("pelvic-floor-exercises", "kegel|pelvic floor"),
            Map.entry("walking", "\\bwalk"),
            Map.entry("swimming", "\\bswim"),
            Map.entry("side-lying-straight-leg-abduction", "sidelying hip abduction"));

    record Article(String file, Set<String> lines, String text) {
    }

    static List<Article> articles() throws IOException {
        Path folder = Stream.of(System.getProperty("sacrum.seed.articles", ""), "../shared/seed-articles", "../../shared/seed-articles")
                .filter(p -> !p.isEmpty()).map(Path::of).filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(folder != null, "SKIPPED: the seed articles are not there (../shared/seed-articles from the project root,"
                + " or -Dsacrum.seed.articles=<folder>): citations cannot be checked against them");
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f);
                articles.add(new Article(f.getFileName().toString(), text.lines().map(String::strip).collect(Collectors.toSet()),
                        String.join(" ", text.split("\\s+"))));
            }
        }
        assertEquals(5, articles.size(), "the five seed articles in " + folder);
        return articles;
    }

    /** The one article whose own title line is the citation's title. */
    static Article articleFor(List<Article> articles, String title, String where) {
        List<Article> hits = articles.stream().filter(a -> a.lines().contains(title)).toList();
        assertEquals(1, hits.size(), where + ": the citation '" + title + "' must name exactly one article, found " + hits);
        return hits.get(0);
    }

    @Test
    void everyExerciseCitesOnlyArticlesThatMentionIt() throws IOException {
        List<Article> articles = articles();
        all(ContentType.EXERCISE).forEach(s -> {
            String mention = MENTIONS.get(s.slug());
            assertNotNull(mention, s.slug() + ": add what its sources must say to MENTIONS");
            Pattern pattern = Pattern.compile(mention, Pattern.CASE_INSENSITIVE);
            s.content().sources().forEach(c -> {
                Article article = articleFor(articles, c.title(), s.slug());
                assertTrue(pattern.matcher(article.text()).find(), s.slug() + " cites " + article.file() + ", which does not mention it");
            });
        });
    }

    @Test
    void everyCitationNamesOneArticleAndEveryQuoteIsInIt() throws IOException {
        List<Article> articles = articles();
        SEED.values().forEach(s -> s.content().sources().forEach(c -> {
            Article article = articleFor(articles, c.title(), s.slug());
            if (c.locator() != null && c.locator().quote() != null) {
                String quote = String.join(" ", c.locator().quote().split("\\s+"));
                assertTrue(article.text().contains(quote), s.slug() + ": the quote is not in " + article.file() + ": " + quote);
            }
        }));
    }

    @Test
    void theMissingExercisesAreThereWithTheirSources() {
        Seed kegels = seed(ContentType.EXERCISE, "pelvic-floor-exercises");
        assertTrue(String.join(" ", strings(kegels.json(), "cautions")).contains("tight"), "the podcast's caution about a tight pelvic floor");
        for (String slug : List.of("walking", "swimming", "side-lying-straight-leg-abduction")) {
            assertTrue(seed(ContentType.EXERCISE, slug).published(), slug);
        }
        assertTrue(strings(seed(ContentType.CONDITION, "si-joint-pain").json(), "exercises").contains("side-lying-straight-leg-abduction"));
    }
}
