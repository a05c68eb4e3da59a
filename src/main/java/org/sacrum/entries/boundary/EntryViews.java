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
        return summary(entry, caller, null);
    }

    /** The summaries of a list's entries, their latest revisions read in one query (not one per entry). */
    public List<JsonObjectBuilder> summaries(List<Entry> entries, Actor caller) {
        Map<String, Revision> latest = revisions.latest(entries);
        return entries.stream().map(e -> summary(e, caller, latest.get(e.id()))).toList();
    }

    private JsonObjectBuilder summary(Entry entry, Actor caller, Revision latest) {
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
        approvals.current(entry).ifPresentOrElse(a -> b.add("approval", approval(a)), () -> b.addNull("approval"));
        LocalDate today = clock.today();
        Optional<ReviewCurrency> currency = workflow.currency(entry);
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
        AllowedActions.Judgement judgement = latest == null ? workflow.judge(entry, caller) : workflow.judge(entry, caller, latest);
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

    public JsonObject approval(Approval a) {
        return Json.createObjectBuilder()
                .add("revision", a.revisionNumber())
                .add("contentHash", a.contentHash())
                .add("reviewer", people.byId(a.reviewerId()).map(p -> p.username()).orElse("?"))
                .add("printedName", a.printedName())
                .add("credential", a.credential())
                .add("attestation", a.attestation())
                .add("signatureMeaning", a.signatureMeaning())
                .add("approvedAt", a.approvedAt().toString())
                .add("nextReviewDue", a.nextReviewDue().toString())
                .add("demo", a.demo())
                .add("linkedRevisions", linkedRevisions(a))
                .build();
    }

    /** What the approval recorded of the entries it links to, and the manifest's hash; null for an approval made before. */
    private JsonValue linkedRevisions(Approval a) {
        List<LinkedRevision> recorded = linked.recorded(a);
        if (recorded == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder().add("manifestHash", a.linkManifestHash())
                .add("items", Json.createReader(new StringReader(LinkManifest.json(recorded))).readArray()).build();
    }

    public JsonObject revision(Revision r, boolean withContent) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("number", r.number())
                .add("contentHash", r.contentHash())
                .add("author", people.byId(r.authorId()).map(p -> p.username()).orElse("?"))
                .add("createdAt", r.createdAt().toString());
        if (r.changeNote() != null) {
            b.add("changeNote", r.changeNote());
        }
        if (r.restoredFrom() != null) {
            b.add("restoredFrom", r.restoredFrom());
        }
        if (withContent) {
            b.add("content", ContentCodec.toJsonObject(r.content()));
        }
        return b.build();
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
