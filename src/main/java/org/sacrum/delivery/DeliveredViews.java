package org.sacrum.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.ContentCodec;
import org.sacrum.content.ContentType;
import org.sacrum.content.Entry;
import org.sacrum.workflow.Approval;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON front-ends receive: the content exactly as its schema describes it, its Markdown as sanitised HTML,
 * and its clinical provenance: who reviewed it, with what credential, when, and when it is due for review.
 */
@Stateless
public class DeliveredViews {
    @PersistenceContext
    EntityManager em;
    @Inject
    DeliveryQueries queries;

    public JsonObject entry(DeliveryQueries.Published published, boolean preview, Set<ContentType> include) {
        JsonObjectBuilder b = base(published, preview);
        if (!include.isEmpty()) {
            JsonObjectBuilder included = Json.createObjectBuilder();
            Map<ContentType, List<String>> links = ContentCodec.read(published.entry().contentType(), published.revision().content()).links();
            for (ContentType type : include) {
                JsonArrayBuilder items = Json.createArrayBuilder();
                queries.publishedBySlugs(type, published.entry().locale(), links.getOrDefault(type, List.of()))
                        .forEach(p -> items.add(base(p, false)));
                included.add(type.plural(), items);
            }
            b.add("included", included);
        }
        return b.build();
    }

    private JsonObjectBuilder base(DeliveryQueries.Published published, boolean preview) {
        Entry e = published.entry();
        JsonObject content = ContentCodec.toJsonObject(published.revision().content());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", e.contentType().id())
                .add("slug", e.slug())
                .add("locale", e.locale())
                .add("sample", e.sample())
                .add("revision", published.revision().number());
        if (!preview && e.publishedAt() != null) {
            b.add("publishedAt", e.publishedAt().toString());
        }
        b.add("review", preview ? unreviewed() : review(e));
        b.add("content", content);
        b.add("html", MarkdownRenderer.render(e.contentType(), content));
        b.add("self", "/api/v1/" + e.contentType().plural() + "/" + e.slug());
        return b;
    }

    private JsonObject review(Entry e) {
        Approval a = e.publishedApprovalId() == null ? null : em.find(Approval.class, e.publishedApprovalId());
        if (a == null) {
            return unreviewed();
        }
        boolean due = !a.nextReviewDue().isAfter(LocalDate.now(ZoneOffset.UTC));
        return Json.createObjectBuilder()
                .add("status", a.demo() || e.sample() ? "sample-not-clinically-reviewed" : "clinically-reviewed")
                .add("reviewedBy", a.printedName())
                .add("credential", a.credential())
                .add("reviewedOn", a.approvedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
                .add("nextReviewDue", a.nextReviewDue().toString())
                .add("dueForReview", due)
                .build();
    }

    private static JsonObject unreviewed() {
        return Json.createObjectBuilder().add("status", "unreviewed-preview")
                .add("notice", "Preview of an unreviewed draft: not clinically reviewed, not for readers.").build();
    }
}
