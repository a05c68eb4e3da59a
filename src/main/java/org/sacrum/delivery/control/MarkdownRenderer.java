package org.sacrum.delivery.control;

import org.sacrum.platform.control.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;

import java.util.List;

/**
 * Renders the Markdown fields of delivered content to HTML, then sanitises it with the OWASP HTML sanitiser:
 * raw HTML in Markdown is escaped, and only formatting, blocks, lists, tables and http(s) links survive,
 * so no script ever reaches a reader. The content model says which fields are Markdown (it finds them in the JSON
 * Schemas when it loads).
 */
public final class MarkdownRenderer {
    /** GitHub-flavoured tables (commonmark-ext-gfm-tables); the sanitiser's table policy keeps them, nothing else. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(new HtmlPolicyBuilder().allowElements("hr", "pre", "code").toFactory());

    private MarkdownRenderer() {
    }

    public static String html(String markdown) {
        return POLICY.sanitize(HTML.render(PARSER.parse(markdown)));
    }


    /** {"purpose": "<p>…</p>", "differentials[0].howToTell": "<p>…</p>"} for the Markdown fields present. */
    public static JsonObject render(ContentType type, JsonObject content) {
        JsonObjectBuilder html = Json.createObjectBuilder();
        for (String path : ContentModel.markdownFields(type)) {
            render("", path, content, html);
        }
        return html.build();
    }

    private static void render(String prefix, String path, JsonValue node, JsonObjectBuilder out) {
        int arrayMark = path.indexOf("[].");
        if (arrayMark < 0) {
            if (node instanceof JsonObject o && o.get(path) instanceof JsonString s) {
                out.add(prefix + path, html(s.getString()));
            }
            return;
        }
        String arrayField = path.substring(0, arrayMark);
        if (node instanceof JsonObject o && o.get(arrayField) instanceof JsonArray items) {
            for (int i = 0; i < items.size(); i++) {
                render(prefix + arrayField + "[" + i + "].", path.substring(arrayMark + 3), items.get(i), out);
            }
        }
    }
}
