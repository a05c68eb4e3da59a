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
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.control.PublicationHistory;

import java.time.Instant;

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
    @Inject
    PublicationHistory history;

    public JsonObject entry(DeliveryQueries.Published published, boolean preview, Set<ContentType> include) {
        JsonObjectBuilder b = base(published, preview);
        if (published.entry().contentType() == ContentType.WARNING) {
            linkedFrom(published.entry(), b);
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

    /** What the public API showed at an instant: the revision and approval published then, links resolved as published then. */
    public JsonObject entryAsOf(DeliveryQueries.Published published, Publication shown, Instant at, Set<ContentType> include) {
        JsonObjectBuilder b = base(published, false, snapshot(shown, at));
        if (published.entry().contentType() == ContentType.WARNING) {
            linkedFromAsOf(published.entry(), at, b);
        }
        if (!include.isEmpty()) {
            JsonObjectBuilder included = Json.createObjectBuilder();
            Map<ContentType, List<String>> links = ContentCodec.read(published.entry().contentType(), published.revision().content()).links();
            for (ContentType type : include) {
                JsonArrayBuilder items = Json.createArrayBuilder();
                List<Publication> rows = history.publicAt(type, published.entry().locale(), links.getOrDefault(type, List.of()), at);
                Map<String, Publication> byEntry = new java.util.HashMap<>();
                rows.forEach(row -> byEntry.put(row.entryId(), row));
                queries.shown(rows).forEach(p -> items.add(base(p, false, snapshot(byEntry.get(p.entry().id()), at))));
                included.add(type.plural(), items);
            }
            b.add("included", included);
        }
        return b.build();
    }

    /** A past publication as a view shows it: when it was published, the approval it carried, the date then. */
    private record Snapshot(Instant publishedAt, Approval approval, LocalDate today) {
    }

    private Snapshot snapshot(Publication row, Instant at) {
        return new Snapshot(row.publishedAt(), approvals.byId(row.approvalId()).orElse(null), LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** The back-links as they were: entries public at the instant whose revision then linked to the warning. */
    private void linkedFromAsOf(Entry warning, Instant at, JsonObjectBuilder b) {
        Map<ContentType, DeliveryQueries.BackLinks> links = new java.util.EnumMap<>(ContentType.class);
        Map<ContentType, List<String>> legacy = new java.util.EnumMap<>(ContentType.class);
        String quoted = "\"" + warning.slug() + "\"";
        // approvals made before link manifests were recorded (V6): their revisions are read, a set that no longer grows
        for (DeliveryQueries.Published p : queries.shown(history.publicWithoutManifestAt(LINKING, warning.locale(), at))) {
            if (p.revision().content().contains(quoted) // cheap test first: most revisions do not mention the slug at all
                    && ContentCodec.read(p.entry().contentType(), p.revision().content()).links()
                    .getOrDefault(ContentType.WARNING, List.of()).contains(warning.slug())) {
                legacy.computeIfAbsent(p.entry().contentType(), t -> new java.util.ArrayList<>()).add(p.entry().slug());
            }
        }
        for (ContentType type : LINKING) {
            java.util.TreeSet<String> slugs = new java.util.TreeSet<>(legacy.getOrDefault(type, List.of()));
            slugs.addAll(history.linkingAt(type, ContentType.WARNING, warning.slug(), warning.locale(), at, LINKED_FROM_SHOWN));
            long total = legacy.getOrDefault(type, List.of()).size()
                    + history.countLinkingAt(type, ContentType.WARNING, warning.slug(), warning.locale(), at);
            links.put(type, new DeliveryQueries.BackLinks(slugs.stream().limit(LINKED_FROM_SHOWN).toList(), total));
        }
        addLinkedFrom(links, warning.slug(), b);
    }

    /** The types whose entries link to warnings, in the order linkedFrom lists them. */
    private static final List<ContentType> LINKING = List.of(ContentType.EXERCISE, ContentType.CONDITION, ContentType.TREATMENT, ContentType.HABIT);
    /** Back-links shown per type: the first in slug order; linkedFromTotals says how many, and the list filter gives the rest. */
    static final int LINKED_FROM_SHOWN = 100;

    /** Which published exercises, conditions, treatments and habits link to this warning (computed, never stored). */
    private void linkedFrom(Entry warning, JsonObjectBuilder b) {
        addLinkedFrom(queries.linkingTo("warning", warning.slug(), warning.locale(), LINKING, LINKED_FROM_SHOWN), warning.slug(), b);
    }

    static void addLinkedFrom(Map<ContentType, DeliveryQueries.BackLinks> links, String warning, JsonObjectBuilder b) {
        JsonObjectBuilder shown = Json.createObjectBuilder();
        JsonObjectBuilder totals = Json.createObjectBuilder();
        JsonObjectBuilder more = Json.createObjectBuilder();
        boolean cut = false;
        for (ContentType type : LINKING) {
            DeliveryQueries.BackLinks of = links.get(type);
            JsonArrayBuilder slugs = Json.createArrayBuilder();
            of.slugs().forEach(slugs::add);
            shown.add(type.plural(), slugs);
            totals.add(type.plural(), of.total());
            if (of.total() > of.slugs().size()) {
                more.add(type.plural(), "/api/v1/" + type.plural() + "?warning=" + warning);
                cut = true;
            }
        }
        b.add("linkedFrom", shown);
        b.add("linkedFromTotals", totals);
        if (cut) {
            b.add("linkedFromMore", more);
        }
    }

    private JsonObjectBuilder base(DeliveryQueries.Published published, boolean preview) {
        return base(published, preview, null);
    }

    /** The entry's view; {@code then} (null: now) gives the publication date, approval and date of a point-in-time read. */
    private JsonObjectBuilder base(DeliveryQueries.Published published, boolean preview, Snapshot then) {
        Entry e = published.entry();
        Rendered rendered = rendered(e, published.revision());
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", e.contentType().id())
                .add("slug", e.slug())
                .add("locale", e.locale())
                .add("sample", e.sample())
                .add("revision", published.revision().number());
        Instant publishedAt = then == null ? e.publishedAt() : then.publishedAt();
        if (!preview && publishedAt != null) {
            b.add("publishedAt", publishedAt.toString());
        }
        int intervalMonths = workflow.reviewIntervalMonths(e.contentType(), rendered.content());
        b.add("review", preview ? unreviewed() : then == null ? review(e, intervalMonths)
                : review(e, then.approval(), then.today(), intervalMonths, false));
        if (e.contentType() == ContentType.WARNING) {
            CareRoutes.route(e.locale(), rendered.content().getString("urgency", null)).ifPresent(r -> b.add("careRoute", r));
        }
        b.add("content", rendered.content());
        b.add("html", rendered.html());
        b.add("self", "/api/v1/" + e.contentType().plural() + "/" + e.slug());
        return b;
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
        return review(e, approvals.published(e).orElse(null), clock.today(), intervalMonths, true);
    }

    /** The review block; currency and a pending re-review are today's facts, left out of a point-in-time read. */
    private JsonObject review(Entry e, Approval a, LocalDate today, int intervalMonths, boolean current) {
        if (a == null) {
            return unreviewed();
        }
        ReviewCurrency currency = current ? workflow.currency(e).orElse(null) : null;
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("status", a.demo() || e.sample() ? "sample-not-clinically-reviewed" : "clinically-reviewed")
                .add("reviewedBy", a.printedName())
                .add("credential", a.credential())
                .add("reviewedOn", a.approvedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())
                .add("nextReviewDue", a.nextReviewDue().toString())
                .add("dueForReview", !a.nextReviewDue().isAfter(today))
                .add("reviewIntervalMonths", intervalMonths)
                .add("reReviewReason", current && e.reReviewPending() ? Json.createValue(e.reReviewReason()) : jakarta.json.JsonValue.NULL); // a linked red flag changed
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
