package org.sacrum.backup.control;

import java.util.Arrays;
import java.util.List;

/**
 * What an export holds, kind by kind in the order an import must restore it (people before the entries and
 * revisions that name them): each kind's table, its columns (a line's field is the column's camelCase name)
 * and the order rows are written in. API tokens are secrets and the facet index is derived: neither is here.
 */
public final class BackupTables {
    static final int FORMAT = 1;
    static final String HEADER = "sacrum-export";
    static final String MANIFEST = "manifest";

    enum Type { STRING, INT, LONG, BOOL, TIMESTAMP, DATE }

    record Column(String name, Type type) {
        String field() {
            StringBuilder camel = new StringBuilder();
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    camel.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return camel.toString();
        }
    }

    record Table(String kind, String table, String orderBy, List<Column> columns) {
        String select() {
            return "SELECT " + String.join(", ", columns.stream().map(Column::name).toList()) + " FROM " + table + " ORDER BY " + orderBy;
        }

        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(Column::name).toList()) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        }
    }

    private static Column s(String name) {
        return new Column(name, Type.STRING);
    }

    private static Column c(String name, Type type) {
        return new Column(name, type);
    }

    /** People also carry their roles (from person_role) in a "roles" array; never their password hash. */
    static final Table PERSON = new Table("person", "person", "id", List.of(s("id"), s("username"), s("display_name"), s("email"),
            s("profession"), s("registration_body"), s("registration_number"), c("demo", Type.BOOL), c("active", Type.BOOL),
            c("created_at", Type.TIMESTAMP), c("version", Type.LONG)));
    static final Table ENTRY = new Table("entry", "entry", "id", List.of(s("id"), s("content_type"), s("slug"), s("locale"), s("state"),
            c("sample", Type.BOOL), c("latest_revision", Type.INT), c("published_revision", Type.INT), s("approval_id"),
            s("published_approval_id"), c("created_at", Type.TIMESTAMP), c("updated_at", Type.TIMESTAMP),
            c("published_at", Type.TIMESTAMP), c("version", Type.LONG), s("re_review_reason"), c("re_review_since", Type.TIMESTAMP),
            c("publish_at", Type.TIMESTAMP), c("unpublish_at", Type.TIMESTAMP),
            s("scheduled_by"), c("schedule_failed_at", Type.TIMESTAMP), s("schedule_failed_action"), s("schedule_failed_rules")));
    static final Table REVISION = new Table("revision", "revision", "entry_id, number", List.of(s("id"), s("entry_id"),
            c("number", Type.INT), s("content"), s("content_hash"), s("author_id"), c("created_at", Type.TIMESTAMP), s("change_note"),
            c("restored_from", Type.INT)));
    static final Table APPROVAL = new Table("approval", "approval", "id", List.of(s("id"), s("entry_id"), c("revision_number", Type.INT),
            s("content_hash"), s("reviewer_id"), s("printed_name"), s("credential"), s("attestation"), s("signature_meaning"),
            c("approved_at", Type.TIMESTAMP), c("next_review_due", Type.DATE), c("demo", Type.BOOL), s("link_manifest_hash")));
    /** An approval's link manifest (V6), after the approvals it belongs to. */
    static final Table APPROVAL_LINK = new Table("approval-link", "approval_link", "approval_id, item_index", List.of(s("approval_id"),
            c("item_index", Type.INT), s("link_type"), s("slug"), c("published", Type.BOOL), c("revision_number", Type.INT),
            s("content_hash")));
    static final Table COMMENT = new Table("comment", "review_comment", "id", List.of(s("id"), s("entry_id"),
            c("revision_number", Type.INT), s("reviewer_id"), s("field"), s("comment"), c("created_at", Type.TIMESTAMP)));
    static final Table AUDIT = new Table("audit", "audit_event", "id", List.of(c("id", Type.LONG), c("at", Type.TIMESTAMP), s("actor"),
            s("action"), s("entry_id"), s("content_type"), s("slug"), c("revision_number", Type.INT), s("from_state"), s("to_state"),
            s("detail"), s("prev_hash"), s("hash")));

    /** The publication history (V5): which revision was public from when to when, with withdrawal categories. */
    static final Table PUBLICATION = new Table("publication", "publication", "id", List.of(c("id", Type.LONG), s("entry_id"),
            s("content_type"), s("slug"), s("locale"), c("revision_number", Type.INT), s("content_hash"), s("approval_id"),
            c("published_at", Type.TIMESTAMP), c("withdrawn_at", Type.TIMESTAMP), c("withdrawn_seq", Type.LONG),
            s("withdrawal_category"), s("withdrawal_reason"), s("successor")));

    /** Webhook subscriptions (V9) with their secrets: receivers keep verifying after a restore. Their deliveries are a log, not here. */
    static final Table WEBHOOK_SUBSCRIPTION = new Table("webhook-subscription", "webhook_subscription", "id", List.of(s("id"), s("url"),
            s("event_types"), s("content_types"), c("enabled", Type.BOOL), s("disabled_reason"), s("secret"), s("previous_secret"),
            c("previous_secret_until", Type.TIMESTAMP), c("created_at", Type.TIMESTAMP), c("updated_at", Type.TIMESTAMP),
            c("version", Type.LONG)));

    // the audit log last: an importing instance's own records follow the imported ones (Importer.reappendLocalEvents)
    static final List<Table> ALL = List.of(PERSON, ENTRY, REVISION, APPROVAL, APPROVAL_LINK, COMMENT, PUBLICATION, WEBHOOK_SUBSCRIPTION, AUDIT);

    public static List<String> kinds() {
        return ALL.stream().map(Table::kind).toList();
    }

    static int order(String kind) {
        return Arrays.asList(kinds().toArray()).indexOf(kind);
    }

    private BackupTables() {
    }
}
