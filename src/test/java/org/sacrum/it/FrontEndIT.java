package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a front-end developer gets (issue #18), against the live deployment: the OpenAPI document at /openapi is the one
 * written (no container-added property) and passes Redocly's recommended rules; TypeScript types generated from it type
 * deploy/example-site's client, which compiles with tsc --strict and no longer compiles when a field it reads is gone;
 * the example site builds from the delivery API, rebuilds from the change feed, and its exercise page shows the red
 * flags, the review dates, the sample banner and the sources in headless Chromium; the API explorer at /openapi/ui
 * answers with the console's security headers and renders the document. Node steps need deploy/example-site/install.sh
 * (run by the build); without node they are skipped, said so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FrontEndIT extends OnSharedDeployment {
    private static final Path SITE_SOURCE = Path.of("deploy/example-site");
    private static final Path OUT = Path.of("target/example-site");
    private static final Path TYPES = OUT.resolve("sacrum-api.d.ts");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Nothing here depends on the database: .ci/run's PostgreSQL pass leaves it to the H2 pass, to keep CI short. */
    @BeforeEach
    void onceInCi() {
        assumeFalse(System.getenv().getOrDefault("SACRUM_DB_URL", "").startsWith("jdbc:postgresql"), "FrontEndIT runs in the H2 pass");
    }

    @Test
    @Order(1)
    void theLiveDocumentIsTheOneWritten() throws IOException {
        Api api = new Api(base);
        try (Response r = api.raw("GET", api.uri("/openapi"), null, null)) {
            assertEquals(200, r.getStatus());
            assertEquals("application/yaml", r.getMediaType().getType() + "/" + r.getMediaType().getSubtype());
            byte[] live = r.readEntity(byte[].class);
            Files.createDirectories(OUT);
            Files.write(OUT.resolve("openapi.yaml"), live);
            assertArrayEquals(Files.readAllBytes(Path.of("src/main/resources/META-INF/openapi.yaml")), live,
                    "/openapi serves META-INF/openapi.yaml byte for byte (nothing added by the container)");
            assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));
        }
        if (!api.uri("/openapi").equals(api.root().resolve("/openapi"))) { // under a context root: Payara's own /openapi would be at the root
            try (Response r = api.raw("GET", api.root().resolve("/openapi"), null, null)) {
                assertNotEquals(200, r.getStatus(), "Payara's OpenAPI service is off (deploy/payara/hardening-preboot.asadmin)");
            }
        }
    }

    @Test
    @Order(2)
    void theLiveDocumentPassesRedoclysRecommendedRules() throws Exception {
        Run lint = node("node_modules/.bin/redocly", "lint", "--extends=recommended", "--format=json", openapiUrl());
        JsonObject report;
        try (JsonReader reader = Json.createReader(new StringReader(lint.stdout()))) {
            report = reader.readObject();
        }
        List<String> problems = new ArrayList<>();
        for (JsonValue value : report.getJsonArray("problems")) {
            JsonObject problem = value.asJsonObject();
            JsonObject at = problem.getJsonArray("location").getJsonObject(0);
            problems.add(problem.getString("severity") + " " + problem.getString("ruleId") + " at "
                    + at.getJsonObject("source").getString("ref").replace(base.toString(), "") + at.getString("pointer", "")
                    + ": " + problem.getString("message"));
        }
        JsonObject totals = report.getJsonObject("totals");
        System.out.println("Redocly " + "lint (recommended) of the live /openapi: " + totals.getInt("errors") + " errors, "
                + totals.getInt("warnings") + " warnings\n  " + String.join("\n  ", problems));
        assertEquals(0, totals.getInt("errors"), "Redocly recommended rules, fix in openapi.yaml:\n" + String.join("\n", problems));
        assertEquals(0, lint.exit(), lint.stderr());
    }

    @Test
    @Order(3)
    void generatedTypesTypeTheClientWhichFailsToCompileWhenAFieldItReadsIsGone() throws Exception {
        Files.deleteIfExists(TYPES);
        Run types = node("node", "scripts/types.mjs", openapiUrl(), TYPES.toAbsolutePath().toString());
        assertEquals(0, types.exit(), types.all());
        String generated = Files.readString(TYPES);
        Matcher exercise = Pattern.compile("\n {8}exercise: \\{\n.*?\n {8}};\n", Pattern.DOTALL).matcher(generated);
        assertTrue(exercise.find(), "the generated types hold the exercise schema's type");
        assertTrue(exercise.group().contains("steps:") && exercise.group().contains("dosage:") && exercise.group().contains("stages:"));
        System.out.printf("Generated types: %d lines, %d bytes; the exercise type (content-model exercise.schema.json): %d lines%n",
                generated.lines().count(), generated.getBytes(StandardCharsets.UTF_8).length, exercise.group().lines().count());

        Run tsc = node("node_modules/.bin/tsc", "-p", ".", "--strict");
        assertEquals(0, tsc.exit(), "the typed client compiles with tsc --strict:\n" + tsc.all());

        // The same client against types whose exercise lost "steps": the compiler refuses it.
        Path mutant = OUT.resolve("without-steps");
        Files.createDirectories(mutant);
        Files.writeString(mutant.resolve("sacrum-api.d.ts"), exercise.replaceFirst(
                Matcher.quoteReplacement(exercise.group().replaceFirst("\n {12}steps: [^\n]*", ""))));
        Files.writeString(mutant.resolve("tsconfig.json"), """
                {"extends": "../../../deploy/example-site/tsconfig.json",
                 "compilerOptions": {"noEmit": true, "rootDir": "../../../deploy/example-site/src", "paths": {"sacrum-api": ["./sacrum-api.d.ts"]},
                   "typeRoots": ["../../../deploy/example-site/node_modules/@types"]},
                 "include": ["../../../deploy/example-site/src/**/*.ts"]}
                """);
        Run broken = node("node_modules/.bin/tsc", "-p", mutant.toAbsolutePath().toString(), "--strict");
        assertNotEquals(0, broken.exit(), "a client reading a field the API no longer has does not compile");
        assertTrue(broken.stdout().contains("'steps'"), broken.all());
    }

    @Test
    @Order(4)
    void theTypedClientReadsExercisesOfAStageAndOneWithItsRedFlags() throws Exception {
        assumeTrue(Files.isRegularFile(OUT.resolve("js/read.js")), "the client was compiled");
        Run read = node("node", OUT.resolve("js/read.js").toAbsolutePath().toString(), "--api", base.toString(), "--stage", "trimester-3");
        assertEquals(0, read.exit(), read.all());
        System.out.println("Typed client:\n" + read.stdout());
        Api api = new Api(base);
        JsonObject list = api.get("/api/v1/exercises?stage=trimester-3&sort=slug&size=100").expect(200).json();
        assertTrue(list.getInt("total") > 0, "the seed has exercises for trimester-3");
        assertTrue(read.stdout().contains("exercises for trimester-3: " + list.getInt("total") + "\n"), read.stdout());
        String first = list.getJsonArray("items").getJsonObject(0).getString("slug");
        JsonObject detail = api.get("/api/v1/exercises/" + first + "?include=warnings,conditions").expect(200).json();
        assertTrue(read.stdout().contains("detail " + first + " title=\"" + detail.getJsonObject("content").getString("title") + "\" steps="
                + detail.getJsonObject("content").getJsonArray("steps").size()), read.stdout());
        assertTrue(read.stdout().contains("review " + detail.getJsonObject("review").getString("status") + " reviewedOn="
                + detail.getJsonObject("review").getString("reviewedOn")), read.stdout());
        for (JsonValue warning : detail.getJsonObject("included").getJsonArray("warnings")) {
            JsonObject w = warning.asJsonObject();
            assertTrue(read.stdout().contains("red-flag " + w.getString("slug") + " urgency=" + w.getJsonObject("content").getString("urgency")), read.stdout());
        }
    }

    @Test
    @Order(5)
    void theExampleSiteBuildsThenRebuildsFromTheChangeFeedAndShowsAnExerciseAsAClinicalPublisherShould() throws Exception {
        assumeTrue(Files.isRegularFile(OUT.resolve("js/site.js")), "the site generator was compiled");
        Path publicDir = OUT.resolve("public");
        Path state = OUT.resolve("state.json");
        deleteTree(publicDir);
        Files.deleteIfExists(state);
        String[] site = {"node", OUT.resolve("js/site.js").toAbsolutePath().toString(), "--api", base.toString(),
                "--out", publicDir.toAbsolutePath().toString(), "--state", state.toAbsolutePath().toString()};
        Api api = new Api(base);
        Run full = node(site);
        assertEquals(0, full.exit(), full.all());
        int pages = api.get("/api/v1/exercises?size=1").expect(200).json().getInt("total")
                + api.get("/api/v1/conditions?size=1").expect(200).json().getInt("total");
        assertTrue(full.stdout().contains("full build: " + pages + " pages"), full.stdout() + " expected " + pages);

        // A newly published exercise: the next run reads it from the change feed and builds its page alone.
        String slug = team.slug("front-end-site");
        team.publishNew("exercises", Samples.exercise(slug));
        Run incremental = node(site);
        assertEquals(0, incremental.exit(), incremental.all());
        System.out.println("Example site: " + full.stdout().strip() + "; then " + incremental.stdout().strip());
        assertTrue(incremental.stdout().matches("(?s).*incremental build: \\d+ changes, 1 pages rebuilt.*"), incremental.stdout());
        assertTrue(Files.isRegularFile(publicDir.resolve("exercises/" + slug + ".html")));

        // A seeded exercise with linked red flags, as the browser shows it.
        JsonObject exercise = exerciseWithRedFlags(api);
        String shown = exercise.getString("slug");
        JsonObject review = exercise.getJsonObject("review");
        List<String> urgencies = exercise.getJsonObject("included").getJsonArray("warnings").stream()
                .map(w -> w.asJsonObject().getJsonObject("content").getString("urgency"))
                .sorted(Comparator.comparingInt(List.of("emergency", "urgent-same-day", "contact-provider", "routine")::indexOf)).toList();
        withBrowser(browser -> {
            browser.get(publicDir.resolve("exercises/" + shown + ".html").toAbsolutePath().toUri().toString());
            assertEquals(exercise.getJsonObject("content").getString("title"), browser.findElement(By.tagName("h1")).getText());
            WebElement banner = browser.findElement(By.cssSelector(".sample-banner"));
            assertTrue(banner.isDisplayed() && banner.getText().contains("not been clinically reviewed"), banner.getText());
            List<WebElement> flags = browser.findElements(By.cssSelector(".red-flags .red-flag"));
            assertEquals(urgencies, flags.stream().map(f -> f.getDomAttribute("data-urgency")).toList(), "red flags, most urgent first");
            WebElement steps = browser.findElement(By.cssSelector("ol.steps"));
            assertTrue(browser.findElement(By.cssSelector(".red-flags")).getLocation().getY() < steps.getLocation().getY(),
                    "the red flags come before the steps");
            assertEquals(review.getString("reviewedOn"), browser.findElement(By.cssSelector("time.reviewed-on")).getText());
            assertEquals(review.getString("nextReviewDue"), browser.findElement(By.cssSelector("time.next-review-due")).getText());
            assertTrue(browser.findElement(By.cssSelector(".review")).getText().contains("Page last reviewed"));
            assertEquals(exercise.getJsonObject("content").getJsonArray("sources").size(), browser.findElements(By.cssSelector(".sources li")).size());
            screenshot(browser, "example-site-exercise");
        });
    }

    @Test
    @Order(6)
    void theApiExplorerShowsTheLiveDocumentUnderTheConsolesSecurityHeaders() throws Exception {
        Api api = new Api(base);
        Api.Reply page = api.get("/openapi/ui/");
        assertEquals(200, page.status(), page.toString());
        assertEquals(CONSOLE_POLICY, page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertFalse(page.text().matches("(?s).*<script>.*|.*<script(?![^>]*\\bsrc=)[^>]*>.*|.*\\son[a-z]+=.*"), "no inline script");
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(page.text());
        int found = 0;
        while (assets.find()) {
            found++;
            String asset = api.uri("/openapi/ui/").resolve(assets.group(1)).getPath();
            try (Response r = api.raw("GET", api.root().resolve(asset), null, null)) {
                assertEquals(200, r.getStatus(), asset);
            }
        }
        assertEquals(4, found, "Swagger UI's script and stylesheet (from the webjar) and the explorer's own");
        java.net.http.HttpResponse<Void> folder = java.net.http.HttpClient.newHttpClient().send( // never follows redirects
                java.net.http.HttpRequest.newBuilder(api.uri("/openapi/ui")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(301, folder.statusCode());
        assertEquals(api.uri("/openapi/ui/").getPath(), folder.headers().firstValue("Location").orElse(null));

        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "headless Chromium: bash deploy/install-browser.sh");
        withBrowser(browser -> {
            browser.get(api.uri("/openapi/ui/").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> b.findElements(By.cssSelector(".opblock")).size() > 40);
            assertTrue(browser.findElement(By.cssSelector(".info .title")).getText().contains("Sacrum API"));
            screenshot(browser, "api-explorer");
            List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
            assertEquals(List.of(), refused, "the explorer runs under the console's policy");
        });
    }

    private String openapiUrl() {
        return new Api(base).uri("/openapi").toString();
    }

    private static JsonObject exerciseWithRedFlags(Api api) {
        for (JsonValue item : api.get("/api/v1/exercises?size=100").expect(200).json().getJsonArray("items")) {
            String slug = item.asJsonObject().getString("slug");
            JsonObject exercise = api.get("/api/v1/exercises/" + slug + "?include=warnings,conditions,exercises").expect(200).json();
            if (exercise.getBoolean("sample") && exercise.getJsonObject("included").getJsonArray("warnings").size() > 1) {
                return exercise;
            }
        }
        throw new AssertionError("the seed has a sample exercise linking two red flags");
    }

    // ---- node and the browser ----------------------------------------------------------------------------------

    record Run(int exit, String stdout, String stderr) {
        String all() {
            return stdout + "\n" + stderr;
        }
    }

    /** Runs a command in deploy/example-site (its node_modules) and waits up to two minutes. */
    private static Run node(String... command) throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(SITE_SOURCE.resolve("node_modules")) && onPath("node"),
                "node and deploy/example-site/node_modules are needed (deploy/example-site/install.sh; the build runs it)");
        Path out = Files.createTempFile("front-end", ".out");
        Path err = Files.createTempFile("front-end", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(SITE_SOURCE.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " took over two minutes");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    interface BrowserSteps {
        void run(ChromeDriver browser) throws Exception;
    }

    private static void withBrowser(BrowserSteps steps) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "headless Chromium: bash deploy/install-browser.sh");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("sacrum-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver browser = new ChromeDriver(options);
        try {
            steps.run(browser);
        } finally {
            browser.quit();
            deleteTree(profile);
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(Math.max(height, 900), 4000)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
