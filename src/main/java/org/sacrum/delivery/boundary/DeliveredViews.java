package org.sacrum.delivery.boundary;

import org.sacrum.delivery.control.DeliveryQueries;
import org.sacrum.delivery.control.CareRoutes;
import org.sacrum.delivery.control.MarkdownRenderer;
import org.sacrum.entries.control.Workflow;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.control.Approvals;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.Currency;
import org.sacrum.entries.entity.ReviewCurrency;
import org.sacrum.platform.control.SacrumClock;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * The JSON front-ends receive: the content exactly as its schema describes it, its Markdown as sanitised HTML,
 * and its clinical provenance: who reviewed it, with what credential, when, and when it is due for review.
 */
@Stateless
public class DeliveredViews {
    @Inject
    Workflow workflow;
    /** Revisions never change, so their parsed content and rendered Markdown are kept (up to a bound). */
    private static final int RENDERED_MAX = 50_000;
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private record Rendered(JsonObject content, JsonObject html) {
    }

    @Inject
    DeliveryQueries queries;
    @Inject
    Approvals approvals;
    @Inject
    SacrumClock clock;

    public JsonObject entry(DeliveryQueries.Published published, boolean preview, Set<ContentType> include) {
        JsonObjectBuilder b = base(published, preview);
        if (published.entry().contentType() == ContentType.WARNING) {
            b.add("linkedFrom", linkedFrom(published.entry()));
        }
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
        Rendered rendered = rendered(e, published.revision());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", e.contentType().id())
                .add("slug", e.slug())
                .add("locale", e.locale())
                .add("sample", e.sample())
                .add("revision", published.revision().number());
        if (!preview && e.publishedAt() != null) {
            b.add("publishedAt", e.publishedAt().toString());
        }
        b.add("review", preview ? unreviewed() : review(e, workflow.reviewIntervalMonths(e.contentType(), rendered.content())));
        if (e.contentType() == ContentType.WARNING) {
            CareRoutes.route(e.locale(), rendered.content().getString("urgency", null)).ifPresent(r -> b.add("careRoute", r));
        }
        b.add("content", rendered.content());
        b.add("html", rendered.html());
        b.add("self", "/api/v1/" + e.contentType().plural() + "/" + e.slug());
        return b;
    }

    /** Which published exercises, conditions, treatments and habits link to this warning (computed, never stored). */
    private JsonObject linkedFrom(Entry warning) {
        Map<ContentType, List<String>> links = queries.linkingTo("warning", warning.slug(), warning.locale());
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (ContentType type : List.of(ContentType.EXERCISE, ContentType.CONDITION, ContentType.TREATMENT, ContentType.HABIT)) {
            JsonArrayBuilder slugs = Json.createArrayBuilder();
            links.getOrDefault(type, List.of()).forEach(slugs::add);
            b.add(type.plural(), slugs);
        }
        return b.build();
    }

    private static Rendered rendered(Entry entry, Revision revision) {
        Rendered known = RENDERED.get(revision.id());
        if (known != null) {
            return known;
        }
        JsonObject content = ContentCodec.toJsonObject(revision.content());
        Rendered fresh = new Rendered(content, MarkdownRenderer.render(entry.contentType(), content));
        if (RENDERED.size() >= RENDERED_MAX) {
            RENDERED.clear();
        }
        RENDERED.put(revision.id(), fresh);
        return fresh;
    }

    private JsonObject review(Entry e, int intervalMonths) {
        Approval a = approvals.published(e).orElse(null);
        if (a == null) {
            return unreviewed();
        }
        LocalDate today = clock.today();
        ReviewCurrency currency = workflow.currency(e).orElse(null);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("status", a.demo() || e.sample() ? "sample-not-clinically-reviewed" : "clinically-reviewed")
                .add("reviewedBy", a.printedName())
                .add("credential", a.credential())
                .add("reviewedOn", a.approvedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
                .add("nextReviewDue", a.nextReviewDue().toString())
                .add("dueForReview", !a.nextReviewDue().isAfter(today))
                .add("reviewIntervalMonths", intervalMonths)
                .add("reReviewReason", e.reReviewPending() ? Json.createValue(e.reReviewReason()) : jakarta.json.JsonValue.NULL); // a linked red flag changed
        if (currency != null) {
            b.add("currency", currency.currency().id()).add("dueSoonFrom", currency.dueSoonFrom().toString());
        }
        if (currency != null && currency.currency() == Currency.OVERDUE && currency.withdrawAfter() != null) {
            b.add("withdrawAfter", currency.withdrawAfter().toString()); // the last day it stays published
        }
        return b.build();
    }

    private static JsonObject unreviewed() {
        return Json.createObjectBuilder().add("status", "unreviewed-preview")
                .add("notice", "Preview of an unreviewed draft: not clinically reviewed, not for readers.").build();
    }
}
