package org.sacrum.entries.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.ReadingLevel;
import jakarta.json.JsonValue;
import org.sacrum.entries.control.Workflow;
import org.sacrum.entries.control.LinkedRevisions;
import org.sacrum.entries.entity.LinkManifest;
import org.sacrum.entries.entity.LinkedRevision;
import java.io.StringReader;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.AllowedActions;
import org.sacrum.entries.entity.Entry;
import org.sacrum.identity.control.People;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.entity.RevisionSummary;
import org.sacrum.entries.control.Approvals;
import org.sacrum.entries.control.RevisionStore;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.ReviewComment;
import org.sacrum.entries.entity.ReviewCurrency;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.entries.entity.Publication;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * The JSON the management API answers with: an entry with its workflow state, latest content and approval, and the
 * workflow actions the caller may take (judged by {@link Workflow#judge}, the same rules that judge the action itself).
 */
@Stateless
public class EntryViews {
    @Inject
    RevisionStore revisions;
    @Inject
    Approvals approvals;
    @Inject
    LinkedRevisions linked;
    @Inject
    People people;
    @Inject
    Workflow workflow;
    @Inject
    SacrumClock clock;

    public JsonObject entry(Entry entry, Actor caller) {
        Revision latest = revisions.latest(entry);
        JsonObject content = ContentCodec.toJsonObject(latest.content());
        return summary(entry, caller)
                .add("contentHash", latest.contentHash())
                .add("readingLevel", readingLevel(content))
                .add("reviewIntervalMonths", workflow.reviewIntervalMonths(entry.contentType(), content))
                .add("content", content)
                .build();
    }

    /** The latest revision's reading level for the reviewer (revisions are immutable: it is what was submitted). */
    private static JsonValue readingLevel(JsonObject content) {
        ReadingLevel.Score score = ReadingLevel.of(content);
        if (score == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder().add("fleschReadingEase", score.fleschReadingEase()).add("band", score.band())
                .add("words", score.words()).add("sentences", score.sentences()).build();
    }

    /** The entry without its content; with the actions the caller may take now, and those a rule blocks and why. */
    public JsonObjectBuilder summary(Entry entry, Actor caller) {
        return summaries(List.of(entry), caller).get(0);
    }

    /**
     * The summaries of a list's entries: what they need (latest revisions, approvals and their manifests, linked
     * entries) is read for the whole page in a few queries, not a few per entry.
     */
    public List<JsonObjectBuilder> summaries(List<Entry> entries, Actor caller) {
        Map<String, Approval> approvalsById = approvals.load(entries);
        List<Approval> current = entries.stream().map(e -> e.approvalId() == null ? null : approvalsById.get(e.approvalId()))
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, List<LinkedRevision>> manifests = linked.recorded(current);
        Map<String, String> reviewers = people.usernames(current.stream().map(Approval::reviewerId).collect(java.util.stream.Collectors.toSet()));
        Map<String, AllowedActions.Judgement> judged = workflow.judge(entries, caller, approvalsById, manifests);
        Map<String, ReviewCurrency> currencies = workflow.currencies(entries, approvalsById);
        LocalDate today = clock.today();
        return entries.stream().map(e -> {
            Approval approval = e.approvalId() == null ? null : approvalsById.get(e.approvalId());
            JsonValue approvalView = approval == null ? JsonValue.NULL
                    : approval(approval, reviewers.getOrDefault(approval.reviewerId(), "?"), manifests.get(approval.id()));
            return summary(e, approvalView, Optional.ofNullable(currencies.get(e.id())), today, judged.get(e.id()));
        }).toList();
    }

    private static JsonObjectBuilder summary(Entry entry, JsonValue approval, Optional<ReviewCurrency> currency, LocalDate today,
                                             AllowedActions.Judgement judgement) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", entry.contentType().id())
                .add("slug", entry.slug())
                .add("locale", entry.locale())
                .add("state", entry.state().id())
                .add("sample", entry.sample())
                .add("latestRevision", entry.latestRevision())
                .add("etag", entry.etag())
                .add("createdAt", entry.createdAt().toString())
                .add("updatedAt", entry.updatedAt().toString());
        if (entry.publishedRevision() != null) {
            b.add("publishedRevision", entry.publishedRevision()).add("publishedAt", entry.publishedAt().toString());
        } else {
            b.addNull("publishedRevision");
        }
        b.add("approval", approval);
        b.add("dueForReview", currency.filter(c -> c.dueForReview(today)).isPresent());
        currency.ifPresentOrElse(c -> b.add("currency", currency(c, entry)), () -> b.addNull("currency"));
        b.add("schedule", schedule(entry));
        b.add("scheduleFailed", scheduleFailed(entry));
        if (entry.reReviewPending()) { // a linked red flag changed since the published approval
            b.add("reReview", Json.createObjectBuilder().add("reason", entry.reReviewReason()).add("since", entry.reReviewSince().toString()));
        } else {
            b.addNull("reReview");
        }
        b.add("self", "/api/manage/" + entry.contentType().plural() + "/" + entry.slug());
        JsonArrayBuilder allowed = Json.createArrayBuilder();
        judgement.allowed().forEach(a -> allowed.add(a.id()));
        JsonArrayBuilder blocked = Json.createArrayBuilder();
        judgement.blocked().forEach((action, violations) -> violations.forEach(v -> blocked.add(Json.createObjectBuilder()
                .add("action", action.id()).add("rule", v.rule()).add("message", v.message()))));
        return b.add("allowedActions", allowed).add("blockedActions", blocked);
    }

    /** When the schedule job publishes and withdraws the entry, and who set it; null when nothing is scheduled. */
    private static JsonValue schedule(Entry entry) {
        if (entry.publishAt() == null && entry.unpublishAt() == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("publishAt", entry.publishAt() == null ? JsonValue.NULL : Json.createValue(entry.publishAt().toString()));
        b.add("unpublishAt", entry.unpublishAt() == null ? JsonValue.NULL : Json.createValue(entry.unpublishAt().toString()));
        b.add("scheduledBy", entry.scheduledBy() == null ? JsonValue.NULL : Json.createValue(entry.scheduledBy()));
        return b.build();
    }

    /** The queue flag of a scheduled action the rules refused: when, which action, and the rule codes; null when none. */
    private static JsonValue scheduleFailed(Entry entry) {
        if (entry.scheduleFailedAt() == null) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder rules = Json.createArrayBuilder();
        entry.scheduleFailedRules().forEach(rules::add);
        return Json.createObjectBuilder().add("at", entry.scheduleFailedAt().toString())
                .add("action", entry.scheduleFailedAction()).add("rules", rules).build();
    }

    /** The published revision's review currency today, with the dates that decide it. */
    private static JsonObject currency(ReviewCurrency c, Entry entry) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("status", c.currency().id())
                .add("nextReviewDue", c.nextReviewDue().toString()).add("dueSoonFrom", c.dueSoonFrom().toString());
        if (c.withdrawAfter() != null) {
            b.add("withdrawAfter", c.withdrawAfter().toString());
        }
        if (entry.reReviewPending()) {
            b.add("reReviewReason", entry.reReviewReason());
        }
        return b.build();
    }

    /** One entry of a list as of an instant: which revision the public could read then, since when. */
    public JsonObject publication(Publication p) {
        return Json.createObjectBuilder().add("type", p.contentType().id()).add("slug", p.slug()).add("locale", p.locale())
                .add("revision", p.revisionNumber()).add("contentHash", p.contentHash()).add("publishedAt", p.publishedAt().toString())
                .build();
    }

    /** {@code recorded}: the approval's link manifest ({@link LinkedRevisions#recorded}), null when it has none. */
    private static JsonObject approval(Approval a, String reviewer, List<LinkedRevision> recorded) {
        return Json.createObjectBuilder()
                .add("revision", a.revisionNumber())
                .add("contentHash", a.contentHash())
                .add("reviewer", reviewer)
                .add("printedName", a.printedName())
                .add("credential", a.credential())
                .add("attestation", a.attestation())
                .add("signatureMeaning", a.signatureMeaning())
                .add("approvedAt", a.approvedAt().toString())
                .add("nextReviewDue", a.nextReviewDue().toString())
                .add("demo", a.demo())
                .add("linkedRevisions", linkedRevisions(a, recorded))
                .build();
    }

    /** What the approval recorded of the entries it links to, and the manifest's hash; null for an approval made before. */
    private static JsonValue linkedRevisions(Approval a, List<LinkedRevision> recorded) {
        if (recorded == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder().add("manifestHash", a.linkManifestHash())
                .add("items", Json.createReader(new StringReader(LinkManifest.json(recorded))).readArray()).build();
    }

    /** One revision with its content. */
    public JsonObject revision(Revision r) {
        return revision(RevisionSummary.of(r), people.byId(r.authorId()).map(p -> p.username()).orElse("?"))
                .add("content", ContentCodec.toJsonObject(r.content())).build();
    }

    /** A page of a history, without content; its authors' names read in one query. */
    public JsonArrayBuilder revisions(List<RevisionSummary> page) {
        Map<String, String> names = people.usernames(page.stream().map(RevisionSummary::authorId).collect(java.util.stream.Collectors.toSet()));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.forEach(r -> items.add(revision(r, names.getOrDefault(r.authorId(), "?"))));
        return items;
    }

    private static JsonObjectBuilder revision(RevisionSummary r, String author) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("number", r.number())
                .add("contentHash", r.contentHash())
                .add("author", author)
                .add("createdAt", r.createdAt().toString());
        if (r.changeNote() != null) {
            b.add("changeNote", r.changeNote());
        }
        if (r.restoredFrom() != null) {
            b.add("restoredFrom", r.restoredFrom());
        }
        return b;
    }

    public JsonArrayBuilder comments(List<ReviewComment> comments) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        comments.forEach(c -> array.add(Json.createObjectBuilder()
                .add("revision", c.revisionNumber())
                .add("reviewer", people.byId(c.reviewerId()).map(p -> p.username()).orElse("?"))
                .add("field", c.field())
                .add("comment", c.comment())
                .add("createdAt", c.createdAt().toString())));
        return array;
    }
}
