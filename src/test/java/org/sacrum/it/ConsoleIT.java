package org.sacrum.it;

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
 * approval is refused with the server's reason shown. Screenshots of the main screens go to target/screenshots.
 */
class ConsoleIT extends SacrumIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
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

    private void screenshot(String name) {
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
