package org.sacrum.content;

import jakarta.json.JsonObject;
import jakarta.validation.Validation;
import org.sacrum.delivery.MarkdownRenderer;
import org.sacrum.platform.BoundedJsonReader;

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
    static JsonObject run(ContentType type, byte[] body) {
        JsonObject json = READER.readObject(new ByteArrayInputStream(body));
        ContentInput.Accepted accepted = INPUT.draft(type, json.get("content"));
        return MarkdownRenderer.render(type, ContentCodec.toJsonObject(accepted.canonicalJson()));
    }
}
