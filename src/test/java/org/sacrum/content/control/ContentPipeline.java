package org.sacrum.content.control;

import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Markdown;

import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import org.sacrum.delivery.control.MarkdownRenderer;
import org.sacrum.platform.control.BoundedJsonReader;

import java.io.ByteArrayInputStream;

/**
 * The content input pipeline as the server runs it on a management create/edit body, without a container:
 * raw bytes, the bounded JSON reader, JSON Schema and Bean Validation ({@link ContentInput}), then Markdown
 * rendering of the accepted, canonical content. Bad input leaves it as a ProblemException.
 */
final class ContentPipeline {
    private static final BoundedJsonReader READER = new BoundedJsonReader(BoundedJsonReader.DEFAULT_MAX_BYTES,
            BoundedJsonReader.DEFAULT_MAX_DEPTH);
    private static final ContentInput INPUT = new ContentInput();

    static {
        INPUT.validator = Validation.buildDefaultValidatorFactory().getValidator();
    }

    private ContentPipeline() {
    }

    /** The HTML of the body's Markdown fields once its content is accepted as a draft of the type. */
    private static final java.util.regex.Pattern EVENT_HANDLER = java.util.regex.Pattern.compile("<[^>]*\\son[a-z]+\\s*=");
    /** A javascript: URL inside a tag (an attribute value); the same words in prose are harmless text. */
    private static final java.util.regex.Pattern SCRIPT_URL = java.util.regex.Pattern.compile("<[^>]*=\\s*[\"']?\\s*javascript:");

    /** Whether rendered HTML could run a script: a script element, an event-handler attribute or a javascript: URL. */
    static boolean carriesScript(String html) {
        String text = html.toLowerCase(java.util.Locale.ROOT);
        return text.contains("<script") || SCRIPT_URL.matcher(text).find() || EVENT_HANDLER.matcher(text).find();
    }

    static JsonObject run(ContentType type, byte[] body) {
        JsonObject json = READER.readObject(new ByteArrayInputStream(body));
        ContentInput.Accepted accepted = INPUT.draft(type, json.get("content"));
        return MarkdownRenderer.render(type, ContentCodec.toJsonObject(accepted.canonicalJson()));
    }
}
