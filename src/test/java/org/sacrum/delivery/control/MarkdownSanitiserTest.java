package org.sacrum.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sacrum.content.entity.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Markdown sanitiser (commonmark-java, then the OWASP HTML sanitiser) against a corpus of XSS payloads
 * (xss-payloads.txt beside this class). The oracle is an allow-list: every '<' in the output opens or closes an
 * allowed element, the only attributes are href and rel on links, and every href is http(s), mailto or relative.
 */
class MarkdownSanitiserTest {
    static final Set<String> ELEMENTS = Set.of("p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br",
            "h1", "h2", "h3", "h4", "h5", "h6", "a", "b", "i", "s", "u", "sub", "sup", "del", "ins", "strike", "tt", "big", "small",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption");
    static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    /** A whole tag as the sanitiser writes them: lower-case name, double-quoted attribute values without '<', '>' or '"'. */
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z][a-z0-9]*)((?:\\s+[a-z][a-z0-9:-]*=\"[^\"<>]*\")*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z][a-z0-9:-]*)=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

    static List<String> payloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (InputStream in = MarkdownSanitiserTest.class.getResourceAsStream("xss-payloads.txt")) {
            assertNotNull(in, "xss-payloads.txt");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    payloads.add(line.replace("\\n", "\n"));
                }
            }
        }
        return payloads;
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(payloads().size() >= 40, payloads().size() + " payloads");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void noPayloadLeavesExecutableContent(String markdown) {
        String html = MarkdownRenderer.html(markdown);
        assertEquals(List.of(), executable(html), "rendered: " + html);
    }

    /** Why this HTML could run something or load something, by the allow-list; empty when it is safe. */
    static List<String> executable(String html) {
        List<String> problems = new ArrayList<>();
        int at = 0;
        for (int lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', at)) {
            Matcher tag = TAG.matcher(html).region(lt, html.length());
            if (!tag.lookingAt()) {
                problems.add("markup that is not a well-formed allowed tag at " + lt + ": "
                        + html.substring(lt, Math.min(html.length(), lt + 40)));
                at = lt + 1;
                continue;
            }
            at = tag.end();
            String element = tag.group(2);
            if (!ELEMENTS.contains(element)) {
                problems.add("element <" + element + ">");
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String name = attribute.group(1);
                String value = decode(attribute.group(2));
                if (!element.equals("a") || !(name.equals("href") || name.equals("rel"))) {
                    problems.add("attribute " + name + " on <" + element + ">");
                } else if (name.equals("rel") && !value.equals("nofollow")) {
                    problems.add("rel=" + value);
                } else if (name.equals("href")) {
                    // browsers ignore control characters and whitespace inside a scheme, and the case of its letters
                    String squeezed = value.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
                    Matcher scheme = SCHEME.matcher(squeezed);
                    if (scheme.find() && !SCHEMES.contains(scheme.group(1))) {
                        problems.add("href with scheme " + scheme.group(1) + ": " + value);
                    }
                }
            }
        }
        if (html.contains(">") && html.replaceAll(TAG.pattern(), "").contains(">")) {
            problems.add("a '>' outside a tag");
        }
        return problems;
    }

    /** HTML character references in an attribute value, decoded as a browser would before using it. */
    static String decode(String value) {
        Matcher m = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                replacement = new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
            } else if (ref.startsWith("#")) {
                replacement = new String(Character.toChars(Integer.parseInt(ref.substring(1))));
            } else {
                replacement = switch (ref) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "colon" -> ":";
                    case "Tab" -> "\t";
                    case "NewLine" -> "\n";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void theOracleCatchesWhatItLooksFor() {
        assertEquals(List.of(), executable("<p>a <a href=\"https://x.example/?a&#61;1\" rel=\"nofollow\">b</a> &lt;script&gt;</p>"));
        assertFalse(executable("<p><script>alert(1)</script></p>").isEmpty());
        assertFalse(executable("<p><img src=\"x\" onerror=\"alert(1)\" /></p>").isEmpty());
        assertFalse(executable("<a href=\"&#106;avascript:alert(1)\">x</a>").isEmpty());
        assertFalse(executable("<a href=\"java&#x09;script:alert(1)\">x</a>").isEmpty());
        assertFalse(executable("<a href=\" data:text/html,x\">x</a>").isEmpty());
        assertFalse(executable("<a href=\"https://ok\" onclick=\"alert(1)\">x</a>").isEmpty());
        assertFalse(executable("<p style=\"x\">x</p>").isEmpty());
        assertFalse(executable("<p>x</p><svg/onload=alert(1)>").isEmpty());
        assertFalse(executable("<iframe src=\"https://ok\"></iframe>").isEmpty());
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", MarkdownRenderer.html("<script>alert(1)</script>"));
        assertEquals("<p>Use &lt;b&gt; for bold</p>\n", MarkdownRenderer.html("Use <b> for bold"));
    }

    @Test
    void unsafeLinksLoseTheirTargetButKeepTheirText() {
        assertEquals("<p><a href=\"\" rel=\"nofollow\">click</a></p>\n", MarkdownRenderer.html("[click](javascript:alert(1))"));
        assertEquals("<p>click</p>\n", MarkdownRenderer.html("[click](data:text/html;base64,PHNjcmlwdD4=)"));
    }

    @Test
    void ordinaryMarkdownSurvives() {
        assertEquals("<p><em>gently</em> and <strong>slowly</strong>, with <code>care</code></p>\n",
                MarkdownRenderer.html("*gently* and **slowly**, with `care`"));
        assertEquals("<ul><li>Lie on your back</li><li>Tilt the pelvis</li></ul>\n<ol><li>Breathe in</li><li>Breathe out</li></ol>\n",
                MarkdownRenderer.html("- Lie on your back\n- Tilt the pelvis\n\n1. Breathe in\n2. Breathe out"));
        assertEquals("<p>See <a href=\"https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/back-pain/\" rel=\"nofollow\">the NHS</a>.</p>\n",
                MarkdownRenderer.html("See [the NHS](https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/back-pain/)."));
        assertEquals("<p><a href=\"https://example.org/a?b&#61;c&amp;d&#61;e\" rel=\"nofollow\">q</a></p>\n",
                MarkdownRenderer.html("[q](https://example.org/a?b=c&d=e)"), "query strings survive, entity-encoded");
        assertEquals("<p><a href=\"https://example.org\" rel=\"nofollow\">https://example.org</a></p>\n", MarkdownRenderer.html("<https://example.org>"));
        assertEquals("<p><a href=\"mailto:clinic&#64;example.org\" rel=\"nofollow\">write</a></p>\n", MarkdownRenderer.html("[write](mailto:clinic@example.org)"));
        assertEquals("<h2>Why it happens</h2>\n<blockquote>\n<p>Quote</p>\n</blockquote>\n<hr />\n<pre><code>x &#61; 1\n</code></pre>\n",
                MarkdownRenderer.html("## Why it happens\n\n> Quote\n\n---\n\n```\nx = 1\n```"));
        assertEquals("<p>line<br />\nnext</p>\n", MarkdownRenderer.html("line  \nnext"));
        for (String ordinary : List.of("*gently*", "- a\n- b", "[x](https://example.org)", "## H", "> q", "`c`")) {
            assertEquals(List.of(), executable(MarkdownRenderer.html(ordinary)), ordinary);
        }
    }

    @Test
    void imagesAreNotPartOfDeliveredHtml() {
        assertEquals("<p></p>\n", MarkdownRenderer.html("![a diagram](https://example.org/x.png)"));
    }

    @Test
    void everyMarkdownFieldOfATypeIsRenderedIncludingInsideLists() {
        JsonObject condition = Json.createObjectBuilder().add("title", "**not markdown**").add("whereFelt", "In the **back**.")
                .add("whenToSeekCare", "<script>alert(1)</script>")
                .add("differentials", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("condition", "a").add("howToTell", "*One*"))
                        .add(Json.createObjectBuilder().add("condition", "b").add("howToTell", "[x](javascript:alert(1))")))
                .build();
        JsonObject html = MarkdownRenderer.render(ContentType.CONDITION, condition);
        assertEquals(Map.of("whereFelt", "<p>In the <strong>back</strong>.</p>\n",
                "whenToSeekCare", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
                "differentials[0].howToTell", "<p><em>One</em></p>\n",
                "differentials[1].howToTell", "<p><a href=\"\" rel=\"nofollow\">x</a></p>\n"),
                Map.copyOf(html.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> ((jakarta.json.JsonString) e.getValue()).getString()))));
        assertEquals(Set.of("purpose"), MarkdownRenderer.render(ContentType.EXERCISE,
                Json.createObjectBuilder().add("purpose", "p").add("summary", "s").build()).keySet());
        assertEquals(Set.of("symptomPattern"), MarkdownRenderer.render(ContentType.WARNING,
                Json.createObjectBuilder().add("symptomPattern", "p").add("action", "a").build()).keySet());
        assertEquals(Set.of("showNotes"), MarkdownRenderer.render(ContentType.PODCAST_EPISODE,
                Json.createObjectBuilder().add("showNotes", "n").add("transcript", "t").build()).keySet());
        assertEquals(Set.of(), MarkdownRenderer.render(ContentType.EXERCISE, Json.createObjectBuilder().build()).keySet(), "absent fields are left out");
    }
}
