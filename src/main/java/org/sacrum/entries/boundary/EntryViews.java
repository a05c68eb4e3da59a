package org.sacrum.entries.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.entries.entity.Entry;
import org.sacrum.identity.control.People;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.control.Approvals;
import org.sacrum.entries.control.RevisionStore;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.ReviewComment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The JSON the management API answers with: an entry with its workflow state, latest content and approval. */
@Stateless
public class EntryViews {
    @Inject
    RevisionStore revisions;
    @Inject
    Approvals approvals;
    @Inject
    People people;

    public JsonObject entry(Entry entry) {
        Revision latest = revisions.latest(entry);
        return summary(entry)
                .add("contentHash", latest.contentHash())
                .add("content", ContentCodec.toJsonObject(latest.content()))
                .build();
    }

    public JsonObjectBuilder summary(Entry entry) {
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
        b.add("dueForReview", approvals.published(entry).filter(a -> !a.nextReviewDue().isAfter(LocalDate.now(ZoneOffset.UTC))).isPresent());
        b.add("self", "/api/manage/" + entry.contentType().plural() + "/" + entry.slug());
        return b;
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
                .build();
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
