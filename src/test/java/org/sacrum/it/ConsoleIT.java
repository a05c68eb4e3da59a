package org.sacrum.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.sacrum.it.Team.path;

/**
 * The review console in a real browser (Debian's headless Chromium, driven by chromedriver): clinicians review
 * and approve or request changes, authors see comments and resubmit, publishers publish, and a stale page's
 * approval is refused with the server's reason shown. Authors write entries in forms generated from the content model,
 * see the server's violations beside the fields, restore earlier revisions and carry their changes over a conflict.
 * Screenshots of the main screens go to target/screenshots; each screen is checked with axe-core (no serious or
 * critical violation) and its findings written to target/axe/.
 */
class ConsoleIT extends SacrumIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path AXE = Path.of("target/axe");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final int TABLET_WIDTH = 820;

    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleIT needs Debian's chromium and chromium-driver: run `bash deploy/install-browser.sh` (as root)");
        // A local driver binary: Selenium Manager would otherwise try to download one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("sacrum-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL")); // CSP violations are logged here
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class); // the console re-renders a view while a wait reads it
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(AXE);
        Files.deleteIfExists(AXE.resolve("summary.txt")); // this run's screens only
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** The console works under its Content-Security-Policy: the browser refused nothing during the scenario. */
    @AfterEach
    void noContentSecurityPolicyViolation() {
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
        assertEquals(List.of(), refused);
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    @Test
    void aClinicianReviewsTheDiffAndApprovesThenAPublisherPublishes() {
        String slug = team.slug("console-approve");
        JsonObject content = Json.createObjectBuilder(Samples.condition(slug)).add("provenance", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("field", "whereFelt").add("basis", "source").add("citations", Json.createArrayBuilder().add(0)))
                .add(Json.createObjectBuilder().add("field", "causes[0]").add("basis", "editorial").add("note", "Written by the editors."))).build();
        team.publishNew("conditions", content);
        JsonObject published = team.author.api().get(path("conditions", slug)).expect(200).json();
        JsonObject clearer = Json.createObjectBuilder(content).add("summary", "Pain around the sacroiliac joints at the back of the pelvis.").build();
        team.author.api().put(path("conditions", slug), Samples.body(clearer, "clearer summary"), published.getString("etag")).expect(200);
        team.submit("conditions", slug);

        signIn(team.clinician, "01-sign-in");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#awaiting-review a[href='#/entry/conditions/" + slug + "']")));
        screenshot("02-queue");
        link.click();

        WebElement preview = waitFor(By.cssSelector("#preview .reader-view"));
        assertTrue(preview.getText().contains("at the back of the pelvis"), "the preview shows the submitted revision");
        assertEquals("dimples", preview.findElement(By.cssSelector("[data-field=whereFelt] .markdown strong")).getText(),
                "Markdown fields are shown as the server rendered them");
        assertTrue(preview.findElement(By.cssSelector("[data-field=whereFelt] .provenance-source")).getText().startsWith("source: "),
                "the reviewer sees which citation a field comes from");
        assertTrue(preview.findElement(By.cssSelector("[data-field=causes] .provenance-editorial")).getText()
                .contains("causes[0]: editorial Written by the editors."), "and which text an editor wrote");
        assertEquals("Changes from revision 1 (published) to 2", text(By.id("diff-title")));
        WebElement summaryChange = browser.findElement(By.cssSelector("#diff li[data-field=summary]"));
        String added = summaryChange.findElements(By.tagName("ins")).stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(added.contains("back of the pelvis"), summaryChange.getText());
        assertEquals("in-review", state());
        screenshot("03-entry-review");
        screenshot("03-entry-review-tablet", TABLET_WIDTH);

        browser.findElement(By.id("attestation")).sendKeys(Team.ATTESTATION);
        browser.findElement(By.id("approve-password")).sendKeys(Team.PASSWORD);
        String nextReview = LocalDate.now().plusMonths(6).toString();
        // A date input's typed format follows the browser's locale; the value it submits is always ISO.
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("next-review")), nextReview);
        browser.findElement(By.id("approve")).click();
        wait.until(d -> "clinically-reviewed".equals(state()));
        assertTrue(text(By.id("status")).contains("Approved revision 2"), text(By.id("status")));

        JsonObject approved = team.author.api().get(path("conditions", slug)).expect(200).json();
        assertEquals("clinically-reviewed", approved.getString("state"));
        assertEquals(2, approved.getJsonObject("approval").getInt("revision"));
        assertEquals(nextReview, approved.getJsonObject("approval").getString("nextReviewDue"));
        assertEquals(team.clinician.username(), approved.getJsonObject("approval").getString("reviewer"));

        signIn(team.publisher, null);
        browser.get(console() + "#/entry/conditions/" + slug);
        waitFor(By.id("publish")).click();
        wait.until(d -> "published".equals(state()));
        assertEquals(2, team.anonymous.get("/api/v1/conditions/" + slug).json().getInt("revision"));
    }

    @Test
    void anAuthorOpeningTheirOwnSubmittedEntryHasNoApproveButton() {
        String slug = team.slug("console-own");
        team.create("warnings", Samples.warning(slug));
        team.submit("warnings", slug);

        signIn(team.author, null);
        waitFor(By.cssSelector("#awaiting-review a[href='#/entry/warnings/" + slug + "']")).click();
        assertEquals("Revision 1 is waiting for a clinician's review.", waitFor(By.id("no-actions")).getText());
        assertTrue(browser.findElements(By.id("approve")).isEmpty());
        assertTrue(browser.findElements(By.id("request-changes")).isEmpty());

        // Someone who is both author and clinician may not review a revision they wrote.
        Team.Member dual = team.member("console-dual", "Dr Dana Dual", "clinician", "Obstetrician");
        team.admin.call("PUT", "/api/manage/people/" + dual.username() + "/roles/author", null, null).expect(200);
        String own = team.slug("console-dual-own");
        dual.withPassword().post("/api/manage/conditions", Samples.body(Samples.condition(own), null)).expect(201);
        dual.withPassword().post(path("conditions", own) + "/submit", null).expect(200);
        signIn(dual, null);
        browser.get(console() + "#/entry/conditions/" + own);
        assertEquals("You wrote revision 1, so another clinician must review it.", waitFor(By.id("no-actions")).getText());
        assertTrue(browser.findElements(By.id("approve")).isEmpty());
    }

    @Test
    void anApprovalFromAStalePageShowsWhyItWasRefused() {
        String slug = team.slug("console-stale");
        JsonObject content = Samples.condition(slug);
        team.create("conditions", content);
        team.submit("conditions", slug);

        signIn(team.clinician, null);
        browser.get(console() + "#/entry/conditions/" + slug);
        waitFor(By.id("attestation")).sendKeys(Team.ATTESTATION);
        browser.findElement(By.id("approve-password")).sendKeys(Team.PASSWORD);

        JsonObject entry = team.author.api().get(path("conditions", slug)).expect(200).json();
        JsonObject edited = Json.createObjectBuilder(content).add("whenToSeekCare", "See a physiotherapist if it does not ease in a week.").build();
        team.author.api().put(path("conditions", slug), Samples.body(edited, "sooner"), entry.getString("etag")).expect(200);
        team.submit("conditions", slug);

        browser.findElement(By.id("approve")).click();
        WebElement violation = waitFor(By.cssSelector("#approve-form .problem [data-rule=approval-names-revision]"));
        assertTrue(violation.getText().contains("the entry has changed since"), violation.getText());
        assertTrue(text(By.cssSelector("#approve-form .problem-title")).contains("(422)"));
        screenshot("04-approve-error");
        assertEquals("in-review", state(), "the page still shows what it loaded");

        JsonObject after = team.author.api().get(path("conditions", slug)).expect(200).json();
        assertEquals("in-review", after.getString("state"));
        assertTrue(after.isNull("approval"), "nothing was approved");

        browser.findElement(By.cssSelector("#approve-form .error-slot button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("approve"), "Approve revision 2"));
    }

    @Test
    void requestedChangesReachTheAuthorWhoResubmits() {
        String slug = team.slug("console-changes");
        team.create("warnings", Samples.warning(slug));
        team.submit("warnings", slug);
        String comment = "Say 'call your maternity unit now' if the belly hardens.";

        signIn(team.clinician2, null);
        browser.get(console() + "#/entry/warnings/" + slug);
        new Select(waitFor(By.id("comment-field-1"))).selectByValue("action");
        browser.findElement(By.id("comment-text-1")).sendKeys(comment);
        browser.findElement(By.id("request-changes")).click();
        wait.until(d -> "changes-requested".equals(state()));

        signIn(team.author, null);
        waitFor(By.cssSelector("#changes-requested a[href='#/entry/warnings/" + slug + "']")).click();
        WebElement shown = waitFor(By.cssSelector("#comments li[data-field=action]"));
        assertTrue(shown.getText().contains(comment), shown.getText());
        assertTrue(shown.getText().contains(team.clinician2.username()), shown.getText());
        screenshot("05-author-sees-comments");

        browser.findElement(By.id("resubmit")).click();
        wait.until(d -> "in-review".equals(state()));
        assertEquals("in-review", team.author.api().get(path("warnings", slug)).expect(200).json().getString("state"));
    }

    @Test
    void theQueueGroupsPublishedEntriesByReviewCurrency() {
        String slug = team.slug("console-due-soon");
        team.create("exercises", Samples.exercise(slug));
        team.submit("exercises", slug);
        JsonObject entry = team.author.api().get(path("exercises", slug)).expect(200).json();
        String due = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString(); // inside workflow.json's 30-day window
        team.clinician.api().post(path("exercises", slug) + "/approve", Json.createObjectBuilder(team.approval(entry, team.clinician))
                .add("nextReviewDue", due).build()).expect(200);
        team.publisher.api().post(path("exercises", slug) + "/publish", null).expect(200);

        signIn(team.clinician, null);
        waitFor(By.id("re-review-pending"));
        waitFor(By.id("overdue"));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#due-soon a[href='#/entry/exercises/" + slug + "']")));
        screenshot("06-queue-currency");
        link.click();
        assertEquals("due-soon", waitFor(By.id("entry-currency")).getText());
    }

    @Test
    void anAuthorWritesAnExerciseInTheGeneratedFormWithTheKeyboardThroughReviewAndPublicationThenRestoresRevision1() {
        String warning = team.slug("console-form-warning");
        team.publishNew("warnings", Samples.warning(warning));
        String slug = team.slug("console-form");
        String summary = "Gently flatten the low back against the floor, lying down.";

        signIn(team.author, null);
        browser.findElement(By.id("nav-new")).sendKeys(Keys.ENTER);
        WebElement exercises = waitFor(By.id("new-exercises"));
        screenshot("07-new-entry");
        exercises.sendKeys(Keys.ENTER);

        // The form follows the schema's field order: title, slug, locale, summary… reached with TAB alone.
        waitFor(By.id("f-title")).sendKeys("Form-made pelvic tilt", Keys.TAB);
        assertEquals("f-slug", activeId());
        active().sendKeys(slug, Keys.TAB);
        assertEquals("f-locale", activeId());
        active().sendKeys(Keys.TAB);
        assertEquals("f-summary", activeId());
        active().sendKeys(summary);
        keys("f-purpose", "Strengthens the *abdominal* muscles that support the low back.");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#f-purpose-preview .markdown em"), "abdominal")); // the server's HTML
        keys("f-equipment-mat", Keys.SPACE);
        keys("f-startingPosition", "Lie on your back with knees bent, supported.");

        // Three steps, added and reordered with buttons from the keyboard.
        for (String step : List.of("Notice the space under your low back.", "Relax and repeat.", "Gently flatten your back to the floor.")) {
            keys("f-steps-add", Keys.ENTER);
            active().sendKeys(step);
        }
        browser.findElement(By.cssSelector("#f-steps .items > li:nth-child(3) .item-actions button:nth-child(1)")).sendKeys(Keys.ENTER);
        assertEquals("Gently flatten your back to the floor.", value("f-steps-1-"), "step 3 moved up");
        assertEquals("Relax and repeat.", value("f-steps-2-"));
        assertTrue(active().getText().startsWith("Move up"), "focus stays on the button that moved the step");

        keys("f-dosage-reps-min", "8");
        keys("f-dosage-reps-max", "10");
        keys("f-dosage-sets", "50"); // the schema's maximum is 20: the server will say so
        keys("f-dosage-frequency", "daily");
        keys("f-bodyRegions-lower-back", Keys.SPACE);
        keys("f-stages-add", Keys.ENTER);
        assertEquals("f-stages-0-stage", activeId());
        active().sendKeys("Trimester 2");
        keys("f-stages-0-note", "Fine while lying on your back is comfortable.");
        keys("f-stages-add", Keys.ENTER);
        active().sendKeys("Postpartum");
        assertEquals("trimester-2", value("f-stages-0-stage"));
        assertEquals("postpartum", value("f-stages-1-stage"));
        keys("f-cautions-add", Keys.ENTER);
        active().sendKeys("Keep your buttocks relaxed.");
        keys("f-stopRules-add", Keys.ENTER);
        active().sendKeys("Stop if back or leg pain increases.");
        keys("f-topics-add", Keys.ENTER);
        active().sendKeys("low-back-pain");
        keys("f-warnings-search", warning, Keys.ENTER);
        waitFor(By.cssSelector("#f-warnings-results button[data-slug='" + warning + "']")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("#f-warnings-linked li[data-slug='" + warning + "'] [data-state=published]"));
        keys("f-sources-add", Keys.ENTER);
        assertEquals("f-sources-0-title", activeId());
        active().sendKeys("Treat Back Pain with Exercise during Pregnancy");
        keys("f-sources-0-publisher", "Test Publisher");
        keys("f-sources-0-evidenceKind", "Patient education");
        screenshot("08-form");
        keys("save", Keys.ENTER);

        // The server's violation beside its field, and a summary whose link leads there.
        WebElement problems = waitFor(By.id("error-summary"));
        assertEquals("error-summary", activeId(), "the summary takes the focus");
        assertEquals("true", browser.findElement(By.id("f-dosage-sets")).getDomAttribute("aria-invalid"));
        assertTrue(browser.findElement(By.id("f-dosage-sets")).getDomAttribute("aria-describedby").contains("f-dosage-sets-error"));
        assertTrue(text(By.id("f-dosage-sets-error")).contains("20"), text(By.id("f-dosage-sets-error")));
        screenshot("09-form-error");
        problems.findElement(By.cssSelector("a[data-field='dosage.sets']")).sendKeys(Keys.ENTER);
        assertEquals("f-dosage-sets", activeId());
        active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        keys("save", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Form-made pelvic tilt"));
        assertTrue(text(By.id("status")).contains("Created " + slug), text(By.id("status")));

        JsonObject created = team.author.api().get(path("exercises", slug)).expect(200).json();
        JsonObject content = created.getJsonObject("content");
        assertEquals(3, content.getJsonArray("steps").size());
        assertEquals("Gently flatten your back to the floor.", content.getJsonArray("steps").getString(1));
        assertEquals(2, content.getJsonObject("dosage").getInt("sets"));
        assertEquals(8, content.getJsonObject("dosage").getJsonObject("reps").getInt("min"));
        assertEquals("postpartum", content.getJsonArray("stages").getJsonObject(1).getString("stage"));
        assertEquals(List.of(warning), content.getJsonArray("warnings").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        keys("resubmit", Keys.ENTER);
        wait.until(d -> "in-review".equals(state()));

        signIn(team.clinician, null);
        browser.get(console() + "#/entry/exercises/" + slug);
        waitFor(By.id("attestation")).sendKeys(Team.ATTESTATION);
        browser.findElement(By.id("approve-password")).sendKeys(Team.PASSWORD);
        keys("approve", Keys.ENTER);
        wait.until(d -> "clinically-reviewed".equals(state()));

        signIn(team.publisher, null);
        browser.get(console() + "#/entry/exercises/" + slug);
        keys("publish", Keys.ENTER);
        wait.until(d -> "published".equals(state()));

        // The author edits the published entry; leaving with unsaved changes asks first.
        signIn(team.author, null);
        browser.get(console() + "#/entry/exercises/" + slug);
        keys("edit-link", Keys.ENTER);
        keys("f-summary", Keys.chord(Keys.CONTROL, "a"), "Flatten the low back against the floor while lying on your back.");
        browser.findElement(By.cssSelector("#entry-form a.cancel")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertTrue(browser.getCurrentUrl().contains("#/edit/exercises/"), "staying keeps the changes");
        assertEquals("Flatten the low back against the floor while lying on your back.", value("f-summary"));
        keys("change-note", "Clearer summary");
        keys("save", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Form-made pelvic tilt"));

        keys("history-link", Keys.ENTER);
        waitFor(By.cssSelector("#revisions tr[data-revision='2']"));
        screenshot("10-history");
        keys("view-1", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#revision-view .reader-view"), summary));
        assertEquals("abdominal", text(By.cssSelector("#revision-view [data-field=purpose] .markdown em")), "as readers saw it");
        keys("compare", Keys.ENTER);
        WebElement change = waitFor(By.cssSelector("#history-diff li[data-field=summary]"));
        assertTrue(change.findElements(By.tagName("ins")).stream().map(WebElement::getText).reduce("", String::concat).contains("while"), change.getText());
        screenshot("11-history-diff");
        keys("restore-1", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Restored revision 1 as revision 3"));
        JsonObject restored = team.author.api().get(path("exercises", slug)).expect(200).json();
        assertEquals(3, restored.getInt("latestRevision"));
        assertEquals(summary, restored.getJsonObject("content").getString("summary"));
        assertEquals(1, team.anonymous.get("/api/v1/exercises/" + slug).json().getInt("revision"), "readers still see what was published");
    }

    @Test
    void theSecondOfTwoAuthorsEditingOneEntrySeesTheConflictAndCarriesTheirChangesOver() {
        String slug = team.slug("console-conflict");
        team.create("exercises", Samples.exercise(slug));
        Team.Member second = team.member("console-second-author", "Bea Second", "author", null);

        signIn(team.author, null);
        browser.get(console() + "#/edit/exercises/" + slug);
        WebElement position = waitFor(By.id("f-startingPosition"));

        JsonObject entry = second.api().get(path("exercises", slug)).expect(200).json();
        JsonObject theirs = Json.createObjectBuilder(entry.getJsonObject("content"))
                .add("summary", "Tilt the pelvis to flatten the low back.").build();
        second.api().put(path("exercises", slug), Samples.body(theirs, "sharper summary"), entry.getString("etag")).expect(200);

        position.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Lie on your side with a pillow between your knees.");
        keys("save", Keys.ENTER);
        WebElement conflict = waitFor(By.id("conflict"));
        assertEquals("conflict-title", activeId());
        String theirChange = conflict.findElement(By.cssSelector("#conflict-theirs li[data-field=summary]")).findElements(By.tagName("ins"))
                .stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(theirChange.contains("Tilt") && theirChange.contains("pelvis"), conflict.getText());
        assertTrue(conflict.findElement(By.cssSelector("#conflict-mine li[data-field=startingPosition]")).getText().contains("pillow"));
        assertEquals(1, conflict.findElements(By.cssSelector("#conflict-mine li")).size(), "only the field this author changed");
        screenshot("12-conflict");
        keys("carry-over", Keys.ENTER);
        waitFor(By.id("carried-over"));
        assertEquals("Tilt the pelvis to flatten the low back.", value("f-summary"), "their change is in the form");
        assertEquals("Lie on your side with a pillow between your knees.", value("f-startingPosition"), "and so is mine");
        keys("save", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Saved revision 3"));

        JsonObject saved = team.author.api().get(path("exercises", slug)).expect(200).json().getJsonObject("content");
        assertEquals("Tilt the pelvis to flatten the low back.", saved.getString("summary"));
        assertEquals("Lie on your side with a pillow between your knees.", saved.getString("startingPosition"));
    }

    /** The endpoints the authoring screens use, over plain HTTP: their roles and their bounds. */
    @Test
    void theAuthoringEndpointsKeepToTheirRolesAndBounds() {
        String preview = "/api/manage/markdown/preview";
        JsonObject html = team.author.api().post(preview, Json.createObjectBuilder()
                .add("markdown", "**calm** breathing <script>alert(1)</script>").build()).expect(200).json();
        assertTrue(html.getString("html").contains("<strong>calm</strong>"), html.toString());
        assertFalse(html.getString("html").contains("<script"), "sanitised as delivery sanitises");
        assertEquals(403, team.clinician.api().post(preview, Json.createObjectBuilder().add("markdown", "x").build()).status());
        assertEquals(401, team.anonymous.post(preview, Json.createObjectBuilder().add("markdown", "x").build()).status());
        Api.Reply tooLong = team.author.api().post(preview, Json.createObjectBuilder().add("markdown", "x".repeat(20_001)).build());
        assertEquals(422, tooLong.status(), tooLong.toString());
        assertEquals("max-length", ContentDeliveryIT.rulesByField(tooLong).get("markdown"), tooLong.toString());
        assertEquals(400, team.author.api().post(preview, Json.createObjectBuilder().add("markdown", "x").add("extra", 1).build()).status());

        JsonObject fields = team.clinician.api().post("/api/manage/markdown/fields/exercises", Samples.exercise("any-slug")).expect(200).json();
        assertTrue(fields.getString("purpose").contains("<em>abdominal</em>"), fields.toString());

        JsonObject model = team.clinician.api().get("/api/manage/schemas/exercises").expect(200).json();
        assertEquals("warnings", model.getJsonObject("links").getJsonObject("warnings").getString("plural"));
        assertEquals("exercise", model.getJsonObject("links").getJsonObject("progressions[].exercise").getString("type"));
        assertTrue(model.getJsonArray("markdownFields").getValuesAs(jakarta.json.JsonString.class).stream().anyMatch(s -> s.getString().equals("purpose")));
        assertTrue(model.getJsonObject("schemas").containsKey("common.schema.json"));
        assertEquals(401, team.anonymous.get("/api/manage/schemas/exercises").status());
        assertEquals(404, team.author.api().get("/api/manage/schemas/recipes").status());

        String slug = team.slug("console-search");
        team.create("exercises", Samples.exercise(slug));
        List<String> found = team.author.api().get("/api/manage/exercises?search=" + slug.toUpperCase()).expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("slug")).toList();
        assertEquals(List.of(slug), found, "the slug, in any case");
        String second = slug + "-more"; // after slug in slug order; both contain it
        team.create("exercises", Samples.exercise(second));
        String pageOf = "/api/manage/exercises?search=" + slug + "&size=1&page=";
        for (int page = 1; page <= 2; page++) {
            List<String> one = team.author.api().get(pageOf + page).expect(200).json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().map(o -> o.getString("slug")).toList();
            assertEquals(List.of(page == 1 ? slug : second), one, "search results page in slug order");
        }
        assertEquals(0, team.author.api().get(pageOf + 3).expect(200).json().getJsonArray("items").size());
        assertEquals(2, team.author.api().get("/api/manage/exercises?state=draft&search=" + slug).expect(200).json()
                .getJsonArray("items").size(), "search narrows a state's list too");
        assertEquals(0, team.author.api().get("/api/manage/exercises?state=published&search=" + slug).expect(200).json()
                .getJsonArray("items").size(), "neither is published");
        assertEquals(0, team.author.api().get("/api/manage/exercises?search=%25").expect(200).json().getJsonArray("items").size(),
                "% matches itself only");
        ContentDeliveryIT.assertRefused(team.author.api().get("/api/manage/exercises?search=" + "a".repeat(101)), "search", "max-length");
        Api.Reply mixed = team.author.api().get("/api/manage/exercises?search=x&currency=overdue");
        assertEquals(400, mixed.status(), mixed.toString());
        assertEquals("not-with-currency", ContentDeliveryIT.rulesByField(mixed).get("search"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Admins see webhook subscriptions and failed deliveries, and send one again (#15). */
    @Test
    void anAdminSeesAFailedWebhookDeliveryAndRedeliversIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String url = receiver.url("/console", n -> new WebhookReceiver.Answer(n == 1 ? 400 : 200, null));
            String id = team.admin.post("/api/manage/webhooks", Json.createObjectBuilder().add("url", url)
                    .add("events", Json.createArrayBuilder().add("entry.published"))
                    .add("contentTypes", Json.createArrayBuilder().add("warning")).build()).expect(201).json().getString("id");
            try {
                team.publishNew("warnings", Samples.warning(team.slug("console-hooked")));
                long until = System.currentTimeMillis() + 30_000;
                while (receiver.at("/console").isEmpty()) {
                    assertTrue(System.currentTimeMillis() < until, "the webhook was not sent");
                    Thread.sleep(200);
                }
                browser.get(console());
                wait.until(d -> !d.findElements(By.id("sign-out")).isEmpty() || !d.findElements(By.id("username")).isEmpty());
                browser.findElements(By.id("sign-out")).forEach(WebElement::click);
                waitFor(By.id("username")).sendKeys("admin");
                browser.findElement(By.id("password")).sendKeys(Team.ADMIN_PASSWORD, Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Review queue"));
                waitFor(By.id("nav-webhooks")).click();
                wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Webhooks"));
                assertTrue(text(By.id("webhook-subscriptions")).contains(url));
                WebElement failed = waitFor(By.id("failed-deliveries"));
                assertTrue(failed.getText().contains("HTTP 400"), failed.getText());
                screenshot("webhooks");
                failed.findElement(By.xpath(".//button[text()='Redeliver']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is sent again"));
                until = System.currentTimeMillis() + 30_000;
                while (receiver.at("/console").stream().noneMatch(r -> r.answered() == 200)) {
                    assertTrue(System.currentTimeMillis() < until, "not redelivered: " + receiver.received);
                    Thread.sleep(200);
                }
            } finally {
                team.admin.call("DELETE", "/api/manage/webhooks/" + id, null, null);
            }
        }
    }

    private String console() {
        String root = base.toString();
        return root + (root.endsWith("/") ? "" : "/") + "console/";
    }

    /** Signs out whoever was signed in, then signs in through the form. */
    private void signIn(Team.Member member, String screenshot) {
        browser.get(console());
        wait.until(d -> !d.findElements(By.id("sign-out")).isEmpty() || !d.findElements(By.id("username")).isEmpty());
        browser.findElements(By.id("sign-out")).forEach(WebElement::click);
        waitFor(By.id("username")).sendKeys(member.username());
        WebElement password = browser.findElement(By.id("password"));
        password.sendKeys(Team.PASSWORD);
        if (screenshot != null) {
            screenshot(screenshot);
        }
        password.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Review queue"));
        assertTrue(text(By.id("account")).contains(member.displayName()));
    }

    /** Keys sent to the element with this id (it takes the focus as it would from TAB). */
    private void keys(String id, CharSequence... keys) {
        waitFor(By.id(id)).sendKeys(keys);
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private String activeId() {
        return active().getDomAttribute("id");
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /**
     * axe-core on the screen as shown: every finding goes to target/axe/{name}.txt (and a line to target/axe/summary.txt),
     * and a serious or critical violation fails the test.
     */
    private void accessible(String name) {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> violations = results.getViolations();
        StringBuilder report = new StringBuilder(name + " " + browser.getCurrentUrl() + "\n");
        violations.forEach(rule -> report.append(rule.getImpact()).append(' ').append(rule.getId()).append(": ").append(rule.getHelp())
                .append(rule.getNodes().stream().map(n -> "\n    " + n.getTarget()).reduce("", String::concat)).append('\n'));
        List<String> serious = violations.stream().filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getImpact() + " " + r.getId() + " " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList();
        try {
            Files.writeString(AXE.resolve(name + ".txt"), report);
            Files.writeString(AXE.resolve("summary.txt"), name + ": " + violations.size() + " violations, " + serious.size()
                    + " serious or critical, " + results.getPasses().size() + " rules passed\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new AssertionError("could not write the axe report for " + name, e);
        }
        assertEquals(List.of(), serious, "axe-core on " + name + ":\n" + report);
    }

    private WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private String state() {
        List<WebElement> badge = browser.findElements(By.cssSelector("#entry-state [data-state]"));
        return badge.isEmpty() ? null : badge.get(0).getDomAttribute("data-state");
    }

    /** A screen: checked with axe-core, then photographed. */
    private void screenshot(String name) {
        accessible(name);
        screenshot(name, DESKTOP.width);
    }

    /** The whole page at this width: the window grows to the page's height (plus its own frame) for the picture. */
    private void screenshot(String name, int width) {
        browser.manage().window().setSize(new Dimension(width, DESKTOP.height));
        long height = (Long) browser.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, DESKTOP.height), 4000)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("could not save screenshot " + name, e);
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }
}
