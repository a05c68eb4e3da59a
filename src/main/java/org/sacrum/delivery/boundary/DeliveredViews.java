package org.sacrum.delivery.boundary;

import org.sacrum.delivery.control.DeliveryQueries;
import org.sacrum.delivery.control.DeliveryQueries.Shown;
import org.sacrum.delivery.control.CareRoutes;
import org.sacrum.delivery.control.RenderedRevisions;
import org.sacrum.entries.control.Workflow;
import org.sacrum.entries.control.WorkflowLoader;
import org.sacrum.entries.entity.WorkflowDefinition;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;

/**
 * The JSON front-ends receive: the content exactly as its schema describes it, its Markdown as sanitised HTML,
 * and its clinical provenance: who reviewed it, with what credential, when, and when it is due for review.
 */
@Stateless
public class DeliveredViews {
    @Inject
    Workflow workflow;
    @Inject
    WorkflowLoader loader;
    @Inject
    DeliveryQueries queries;
    @Inject
    Approvals approvals;
    @Inject
    SacrumClock clock;
    @Inject
    PublicationHistory history;

    /**
     * What a page of views needs beyond the entries themselves, read once for the page: the workflow's review
     * intervals, the approvals published (one query) and today's review currency of each.
     */
    private record PageFacts(WorkflowDefinition definition, Map<String, Approval> approvals, Map<String, ReviewCurrency> currencies,
                             LocalDate today) {
    }

    /** One published entry's view, with the published entries it links to of the types included. */
    public JsonObject entry(DeliveryQueries.Published published, Set<ContentType> include) {
        return views(List.of(Shown.of(published)), false, include).get(0);
    }

    /** An unreviewed preview of an entry's latest revision (links included as published). */
    public JsonObject preview(DeliveryQueries.Published latest, Set<ContentType> include) {
        return views(List.of(Shown.of(latest)), true, include).get(0);
    }

    /**
     * The views of a list's page, in its order: one transaction and a fixed number of queries for the page, whatever
     * its size (the included entries of all items in one query, all their approvals in another, and the content of
     * revisions not rendered before in a third).
     */
    public List<JsonObject> entries(List<Shown> page, Set<ContentType> include) {
        return views(page, false, include);
    }

    private List<JsonObject> views(List<Shown> page, boolean preview, Set<ContentType> include) {
        Map<ContentType, Map<String, Shown>> included = included(page, include);
        List<Entry> shown = new ArrayList<>();
        page.forEach(p -> shown.add(p.entry()));
        included.values().forEach(of -> of.values().forEach(p -> shown.add(p.entry())));
        PageFacts facts = facts(shown);
        List<JsonObject> views = new ArrayList<>();
        for (Shown item : page) {
            JsonObjectBuilder b = base(item, preview, null, facts);
            if (item.entry().contentType() == ContentType.WARNING) {
                linkedFrom(item.entry(), b);
            }
            if (!include.isEmpty()) {
                Map<ContentType, List<String>> links = item.rendered().links();
                JsonObjectBuilder of = Json.createObjectBuilder();
                for (ContentType type : include) {
                    JsonArrayBuilder items = Json.createArrayBuilder();
                    Map<String, Shown> bySlug = included.getOrDefault(type, Map.of());
                    links.getOrDefault(type, List.of()).stream().distinct().sorted().map(bySlug::get).filter(p -> p != null)
                            .forEach(p -> items.add(base(p, false, null, facts)));
                    of.add(type.plural(), items);
                }
                b.add("included", of);
            }
            views.add(b.build());
        }
        return views;
    }

    /**
     * The published entries the page links to, of the types included, by type and slug: one query for the page, and a
     * second only for revisions not worked out before (the first reads no revision's content).
     */
    private Map<ContentType, Map<String, Shown>> included(List<Shown> page, Set<ContentType> include) {
        Map<ContentType, Map<String, Shown>> included = new EnumMap<>(ContentType.class);
        if (include.isEmpty() || page.isEmpty()) {
            return included;
        }
        Map<ContentType, Set<String>> wanted = new EnumMap<>(ContentType.class);
        for (Shown p : page) {
            Map<ContentType, List<String>> links = p.rendered().links();
            include.forEach(type -> wanted.computeIfAbsent(type, t -> new HashSet<>()).addAll(links.getOrDefault(type, List.of())));
        }
        String locale = page.get(0).entry().locale(); // a page is of one locale
        queries.rendered(queries.linkedBySlugs(locale, wanted))
                .forEach(p -> included.computeIfAbsent(p.entry().contentType(), t -> new HashMap<>()).put(p.entry().slug(), p));
        return included;
    }

    private PageFacts facts(List<Entry> shown) {
        Map<String, Approval> byId = approvals.load(shown);
        return new PageFacts(loader.definition(), byId, workflow.currencies(shown, byId), clock.today());
    }

    /** What the public API showed at an instant: the revision and approval published then, links resolved as published then. */
    public JsonObject entryAsOf(DeliveryQueries.Published published, Publication shown, Instant at, Set<ContentType> include) {
        PageFacts facts = new PageFacts(loader.definition(), Map.of(), Map.of(), clock.today());
        JsonObjectBuilder b = base(published, false, snapshot(shown, at), facts);
        if (published.entry().contentType() == ContentType.WARNING) {
            linkedFromAsOf(published.entry(), at, b);
        }
        if (!include.isEmpty()) {
            JsonObjectBuilder included = Json.createObjectBuilder();
            Map<ContentType, List<String>> links = RenderedRevisions.of(published.entry().contentType(), published.revision()).links();
            for (ContentType type : include) {
                JsonArrayBuilder items = Json.createArrayBuilder();
                List<Publication> rows = history.publicAt(type, published.entry().locale(), links.getOrDefault(type, List.of()), at);
                Map<String, Publication> byEntry = new HashMap<>();
                rows.forEach(row -> byEntry.put(row.entryId(), row));
                queries.shown(rows).forEach(p -> items.add(base(p, false, snapshot(byEntry.get(p.entry().id()), at), facts)));
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

    /** The entry's view; {@code then} (null: now) gives the publication date, approval and date of a point-in-time read. */
    private JsonObjectBuilder base(DeliveryQueries.Published published, boolean preview, Snapshot then, PageFacts facts) {
        return base(Shown.of(published), preview, then, facts);
    }

    private JsonObjectBuilder base(Shown shown, boolean preview, Snapshot then, PageFacts facts) {
        Entry e = shown.entry();
        RenderedRevisions.Rendered rendered = shown.rendered();
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", e.contentType().id())
                .add("slug", e.slug())
                .add("locale", e.locale())
                .add("sample", e.sample())
                .add("revision", shown.revision());
        Instant publishedAt = then == null ? e.publishedAt() : then.publishedAt();
        if (!preview && publishedAt != null) {
            b.add("publishedAt", publishedAt.toString());
        }
        int intervalMonths = facts.definition().reviewIntervalMonthsOf(e.contentType(), rendered.content());
        b.add("review", preview ? unreviewed()
                : then == null ? review(e, approvalOf(e, facts), facts.currencies().get(e.id()), facts.today(), intervalMonths, true)
                : review(e, then.approval(), null, then.today(), intervalMonths, false));
        if (e.contentType() == ContentType.WARNING) {
            CareRoutes.route(e.locale(), rendered.content().getString("urgency", null)).ifPresent(r -> b.add("careRoute", r));
        }
        b.add("content", rendered.content());
        b.add("html", rendered.html());
        b.add("self", "/api/v1/" + e.contentType().plural() + "/" + e.slug());
        return b;
    }

    private static Approval approvalOf(Entry e, PageFacts facts) {
        return e.publishedApprovalId() == null ? null : facts.approvals().get(e.publishedApprovalId());
    }

    /** The review block; currency and a pending re-review are today's facts, left out of a point-in-time read (currency null). */
    private JsonObject review(Entry e, Approval a, ReviewCurrency currency, LocalDate today, int intervalMonths, boolean current) {
        if (a == null) {
            return unreviewed();
        }
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
