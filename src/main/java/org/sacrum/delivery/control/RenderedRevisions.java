package org.sacrum.delivery.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonObject;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.LinkFields;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Revision;

import java.util.List;
import java.util.Map;

/**
 * What a published revision shows, worked out once: its content parsed, its Markdown rendered and sanitised, and the
 * entries it links to. Revisions never change, so these are kept by revision id, bounded by the bytes they hold.
 */
public final class RenderedRevisions {
    /** About 3 bytes held per character of stored content (parsed tree, HTML, links): 64 MB is some 10,000 exercises. */
    static final long MAX_BYTES = 64L << 20;
    private static final Cache<String, Rendered> RENDERED = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String id, Rendered r) -> r.weight())
            .executor(Runnable::run) // maintenance on the caller's thread: no unmanaged threads in the container
            .build();

    /** A revision as delivered: its content, the HTML of its Markdown fields ({@link MarkdownRenderer#render}), its links by type. */
    public record Rendered(JsonObject content, JsonObject html, Map<ContentType, List<String>> links, int weight) {
    }

    private RenderedRevisions() {
    }

    public static Rendered of(ContentType type, Revision revision) {
        return RENDERED.get(revision.id(), id -> render(type, revision));
    }

    /** The view of this revision when it was worked out already, else null. */
    public static Rendered ifRendered(String revisionId) {
        return RENDERED.getIfPresent(revisionId);
    }

    static Rendered render(ContentType type, Revision revision) {
        JsonObject content = ContentCodec.toJsonObject(revision.content());
        return new Rendered(content, MarkdownRenderer.render(type, content), LinkFields.linksOf(type, content),
                (int) Math.min(Integer.MAX_VALUE, 512L + 3L * revision.content().length()));
    }
}
