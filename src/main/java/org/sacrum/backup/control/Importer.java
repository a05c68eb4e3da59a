package org.sacrum.backup.control;

import org.sacrum.audit.entity.AuditChain;
import org.sacrum.platform.control.Hashes;


import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.backup.control.BackupTables.Column;
import org.sacrum.backup.control.BackupTables.Table;
import org.sacrum.content.entity.Content;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.control.Facets;
import org.sacrum.delivery.control.SearchIndex;
import jakarta.enterprise.event.Event;
import org.sacrum.entries.entity.EntriesReplaced;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.control.SacrumDataSource;
import org.sacrum.platform.entity.Violation;
import org.sacrum.entries.entity.State;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Restores an export into an empty instance in ONE transaction: every line is checked as it is read (kind order,
 * field types, each revision's SHA-256 against its content, each approval against the revision it signs), the
 * manifest's counts and hashes at the end; any failure rolls everything back. Rows keep their ids; the facet
 * and search indexes are rebuilt from the published revisions; the audit sequence continues after the imported records.
 */
@Stateless
public class Importer {
    /** A revision holds at most 1,000,000 characters; escaped in JSON that stays well below this. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
    /** An empty instance has only its first admin's few audit records; more means it was used. */
    private static final int MAX_LOCAL_EVENTS = 1000;

    @Resource(lookup = SacrumDataSource.JNDI_NAME)
    DataSource dataSource;
    @PersistenceContext
    EntityManager em;
    @Inject
    Event<EntriesReplaced> replaced;

    public record Result(Map<String, Long> counts, long auditId) {
    }

    public Result restore(InputStream body, String actor) {
        try (Connection connection = dataSource.getConnection()) {
            Result result = new Run(connection, actor).restore(body);
            replaced.fire(new EntriesReplaced());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed on the database", e);
        } catch (BoundedLines.TooLong e) {
            throw ProblemException.badRequest("import-line", "A line of the export is longer than " + MAX_LINE_BYTES + " bytes.",
                    List.of(new Violation("line[" + e.line + "]", "line-too-long", "is longer than " + MAX_LINE_BYTES + " bytes")));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import body failed", e);
        }
    }

    /** Entities read before the import (none, in an empty instance) must not outlive it in EclipseLink's shared cache. */
    public void evictCaches() {
        em.getEntityManagerFactory().getCache().evictAll();
    }

    private record Local(String id, String passwordHash, boolean active, Set<String> roles) {
    }

    private static final class Run {
        private final Connection db;
        private final String actor;
        private final Map<String, Local> localPeople = new HashMap<>();
        private final List<Map<String, Object>> localEvents = new ArrayList<>();
        private final Manifest manifest = new Manifest();
        private final Map<Table, PreparedStatement> inserts = new HashMap<>();
        private long maxAuditId;
        /** The imported chain's newest hash, which this instance's own records are chained after. */
        private String lastAuditHash = AuditChain.GENESIS;
        private String exportedAt = "?";
        private String exportedBy = "?";

        Run(Connection db, String actor) {
            this.db = db;
            this.actor = actor;
        }

        Result restore(InputStream body) throws SQLException, IOException {
            checkEmpty();
            BoundedLines lines = new BoundedLines(body, MAX_LINE_BYTES);
            JsonObject manifestLine = null;
            String manifestAt = null;
            int lastOrder = -1;
            byte[] raw;
            try {
                while ((raw = lines.next()) != null) {
                    String at = "line[" + lines.number() + "]";
                    if (manifestLine != null) {
                        if (raw.length == 0) {
                            continue;
                        }
                        throw fail(at, "after-manifest", "comes after the manifest, which must be the last line");
                    }
                    JsonObject line = parse(raw, at);
                    String kind = line.get("kind") instanceof JsonString s ? s.getString() : null;
                    if (lines.number() == 1) {
                        header(line, kind, at);
                        continue;
                    }
                    if (BackupTables.MANIFEST.equals(kind)) {
                        manifestLine = line;
                        manifestAt = at;
                        continue;
                    }
                    Table table = BackupTables.ALL.stream().filter(t -> t.kind().equals(kind)).findFirst()
                            .orElseThrow(() -> fail(at + ".kind", "kind-known", "must be one of " + BackupTables.kinds() + " or manifest"));
                    int order = BackupTables.order(kind);
                    if (order < lastOrder) {
                        throw fail(at + ".kind", "kind-order", "a " + kind + " line must come before every "
                                + BackupTables.kinds().get(lastOrder) + " line; kinds come in the order " + BackupTables.kinds());
                    }
                    lastOrder = order;
                    manifest.add(kind, raw);
                    row(table, line, at);
                }
                if (lines.number() == 0) {
                    throw fail("line[1]", "header-first", "the body is empty; an export starts with its header line");
                }
                if (manifestLine == null) {
                    throw fail("line[" + (lines.number() + 1) + "]", "manifest-last", "the export ends without its manifest line: it was cut short");
                }
                List<Violation> differences = manifest.differences(manifestLine, manifestAt);
                if (!differences.isEmpty()) {
                    throw ProblemException.unprocessable("import-rejected",
                            "The export does not match its manifest: lines were lost, added or altered. Nothing was imported.", differences);
                }
                checkReferences();
                rebuildFacets();
                long auditId = reappendLocalEvents();
                return new Result(manifest.counts(), auditId);
            } finally {
                for (PreparedStatement statement : inserts.values()) {
                    statement.close();
                }
            }
        }

        private void checkEmpty() throws SQLException {
            List<Violation> found = new ArrayList<>();
            for (String table : List.of("entry", "revision", "approval", "review_comment", "entry_facet", "entry_search", "publication",
                    "webhook_subscription")) {
                if (count("SELECT COUNT(*) FROM " + table) > 0) {
                    found.add(new Violation(table, "instance-empty", "this instance already holds " + table + " rows"));
                }
            }
            if (count("SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'ADMIN')") > 0) {
                found.add(new Violation("person", "instance-empty", "this instance has people besides its admin account(s)"));
            }
            if (count("SELECT COUNT(*) FROM audit_event") > MAX_LOCAL_EVENTS) {
                found.add(new Violation("audit", "instance-empty", "this instance's audit log shows it has been used"));
            }
            if (!found.isEmpty()) {
                throw ProblemException.conflict("instance-not-empty", "An export is imported only into an empty instance "
                        + "(started with SACRUM_SEED_ENABLED=false on an empty database, holding nothing but its first admin).", found);
            }
            try (PreparedStatement people = db.prepareStatement("SELECT id, username, password_hash, active FROM person");
                 PreparedStatement roles = db.prepareStatement("SELECT role FROM person_role WHERE person_id = ?");
                 ResultSet rs = people.executeQuery()) {
                while (rs.next()) {
                    Set<String> held = new TreeSet<>();
                    roles.setString(1, rs.getString(1));
                    try (ResultSet r = roles.executeQuery()) {
                        while (r.next()) {
                            held.add(r.getString(1));
                        }
                    }
                    localPeople.put(rs.getString(2), new Local(rs.getString(1), rs.getString(3), rs.getBoolean(4), held));
                }
            }
            // Nobody appends to the audit chain while it is replaced: writers wait for this lock (see AuditLog).
            try (PreparedStatement head = db.prepareStatement("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_head is missing (migration V4)");
                }
            }
            try (PreparedStatement events = db.prepareStatement(BackupTables.AUDIT.select()); ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> event = new HashMap<>();
                    for (int i = 0; i < BackupTables.AUDIT.columns().size(); i++) {
                        event.put(BackupTables.AUDIT.columns().get(i).name(), rs.getObject(i + 1));
                    }
                    localEvents.add(event);
                }
            }
            // This instance's own records (its first admin's creation, tokens) follow the imported log: see reappendLocalEvents.
            update("DELETE FROM audit_event");
        }

        private void header(JsonObject line, String kind, String at) {
            if (!BackupTables.HEADER.equals(kind)) {
                throw fail(at + ".kind", "header-first", "the first line must be the export header (kind " + BackupTables.HEADER + ")");
            }
            if (!(line.get("format") instanceof jakarta.json.JsonNumber n) || n.intValue() != BackupTables.FORMAT || !n.isIntegral()) {
                throw fail(at + ".format", "format-version", "this Sacrum reads export format " + BackupTables.FORMAT);
            }
            exportedAt = line.get("exportedAt") instanceof JsonString s ? s.getString() : "?";
            exportedBy = line.get("exportedBy") instanceof JsonString s ? s.getString() : "?";
        }

        private void row(Table table, JsonObject line, String at) throws SQLException {
            try {
                if (table == BackupTables.PERSON) {
                    person(line, at);
                    return;
                }
                if (table == BackupTables.ENTRY) {
                    enumValue(line, "contentType", ContentType.class);
                    enumValue(line, "state", State.class);
                }
                if (table == BackupTables.APPROVAL_LINK) {
                    enumValue(line, "linkType", ContentType.class);
                }
                if (table == BackupTables.PUBLICATION) {
                    enumValue(line, "contentType", ContentType.class);
                }
                if (table == BackupTables.REVISION) {
                    String content = RowCodec.string("content", line.get("content"));
                    if (!Hashes.sha256(content).equals(line.get("contentHash") instanceof JsonString s ? s.getString() : null)) {
                        throw fail(at + ".contentHash", "content-hash", "is not the SHA-256 of the revision's content: the content or its hash was altered");
                    }
                }
                insert(table, line, at);
                if (table == BackupTables.APPROVAL) {
                    checkApproval(line, at);
                }
                if (table == BackupTables.AUDIT) {
                    long id = line.getJsonNumber("id").longValue();
                    if (id > maxAuditId) {
                        maxAuditId = id;
                        lastAuditHash = line.get("hash") instanceof JsonString h ? h.getString() : null;
                    }
                }
                if (table == BackupTables.PUBLICATION) { // its ids and withdrawal cursors come from audit_seq too
                    maxAuditId = Math.max(maxAuditId, line.getJsonNumber("id").longValue());
                    if (line.get("withdrawnSeq") instanceof jakarta.json.JsonNumber seq) {
                        maxAuditId = Math.max(maxAuditId, seq.longValue());
                    }
                }
            } catch (RowCodec.BadField e) {
                throw fail(at + "." + e.field, "field-type", e.getMessage());
            }
        }

        private void insert(Table table, JsonObject line, String at) throws SQLException {
            PreparedStatement insert = inserts.get(table);
            if (insert == null) {
                insert = db.prepareStatement(table.insert());
                inserts.put(table, insert);
            }
            List<Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                RowCodec.bind(insert, i + 1, columns.get(i), line);
            }
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                throw fail(at, "row-accepted", "the database refused this " + table.kind() + " (a duplicate id, a reference to a row "
                        + "not imported before it, or a value too long): " + shortened(e.getMessage()));
            }
        }

        /** A person keeps id and profile but no password; an account of this instance with the same username (the importing admin) is merged into it. */
        private void person(JsonObject line, String at) throws SQLException {
            if (!(line.get("roles") instanceof JsonArray roles)) {
                throw fail(at + ".roles", "field-type", "must be an array of roles");
            }
            Set<String> held = new TreeSet<>();
            for (JsonValue role : roles) {
                String name = role instanceof JsonString s ? s.getString() : null;
                if (name == null || EnumSet.allOf(Role.class).stream().noneMatch(r -> r.name().equals(name))) {
                    throw fail(at + ".roles", "one-of", "holds " + role + ", not one of " + EnumSet.allOf(Role.class));
                }
                held.add(name);
            }
            String id = RowCodec.string("id", line.get("id"));
            String username = RowCodec.string("username", line.get("username"));
            Local local = localPeople.remove(username);
            if (local != null) {
                update("UPDATE person SET username = ? WHERE id = ?", "~" + local.id(), local.id());
            }
            insert(BackupTables.PERSON, line, at);
            if (local != null) {
                held.addAll(local.roles());
                update("UPDATE person SET password_hash = ?, active = ? WHERE id = ?", local.passwordHash(), local.active(), id);
                update("UPDATE api_token SET person_id = ? WHERE person_id = ?", id, local.id());
                update("DELETE FROM person_role WHERE person_id = ?", local.id());
                update("DELETE FROM person WHERE id = ?", local.id());
            }
            for (String role : held) {
                update("INSERT INTO person_role (person_id, role) VALUES (?, ?)", id, role);
            }
        }

        private void checkApproval(JsonObject line, String at) throws SQLException {
            try (PreparedStatement revision = db.prepareStatement("SELECT content_hash FROM revision WHERE entry_id = ? AND number = ?")) {
                revision.setString(1, line.getString("entryId"));
                revision.setInt(2, line.getInt("revisionNumber"));
                try (ResultSet rs = revision.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(line.getString("contentHash"))) {
                        throw fail(at + ".contentHash", "approval-names-revision",
                                "the approval does not name an imported revision with this content hash");
                    }
                }
            }
        }

        private void checkReferences() throws SQLException {
            String sql = "SELECT e.id FROM entry e WHERE NOT EXISTS (SELECT 1 FROM revision r WHERE r.entry_id = e.id AND r.number = e.latest_revision)"
                    + " OR (e.published_revision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revision r WHERE r.entry_id = e.id AND r.number = e.published_revision))"
                    + " OR (e.approval_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM approval a WHERE a.id = e.approval_id AND a.entry_id = e.id))"
                    + " OR (e.published_approval_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM approval a WHERE a.id = e.published_approval_id AND a.entry_id = e.id))"
                    + " ORDER BY e.id";
            List<Violation> found = new ArrayList<>();
            try (PreparedStatement dangling = db.prepareStatement(sql)) {
                dangling.setMaxRows(20);
                try (ResultSet rs = dangling.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Violation("entry[" + rs.getString(1) + "]", "references-resolve",
                                "names a latest or published revision, or an approval, that the export does not hold"));
                    }
                }
            }
            if (!found.isEmpty()) {
                throw ProblemException.unprocessable("import-rejected", "Entries point at rows the export does not hold. Nothing was imported.", found);
            }
        }

        /**
         * Every listing row's set as its facet values' facet_count ids (Facets.tags, V15): ' 12 45 ', numeric order,
         * without the listing row and "topic"; NULL when longer than Facets.MAX_TAGS.
         */
        private static final String TAGS = "UPDATE entry_facet SET tags = (SELECT CASE WHEN COALESCE(SUM(LENGTH(CAST(c.id AS VARCHAR(20))) + 1), 0)"
                + " <= " + (Facets.MAX_TAGS - 1) + " THEN ' ' || COALESCE(STRING_AGG(CAST(c.id AS VARCHAR(20)), ' ' ORDER BY c.id) || ' ', '') END"
                + " FROM entry_facet x JOIN facet_count c ON c.content_type = x.content_type AND c.locale = x.locale AND c.name = x.name"
                + " AND c.val = x.val WHERE x.entry_id = entry_facet.entry_id AND x.name NOT IN ('*', 'topic'))";

        private void rebuildFacets() throws SQLException {
            // the listing columns and the '*' row of every published entry, as FacetIndex writes them (V11, V15)
            try (PreparedStatement published = db.prepareStatement("SELECT e.id, e.content_type, r.content, e.locale, e.slug, e.published_at"
                    + " FROM entry e JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision ORDER BY e.id");
                 PreparedStatement insert = db.prepareStatement("INSERT INTO entry_facet (entry_id, name, val, content_type, locale, slug,"
                         + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement search = db.prepareStatement(SearchIndex.INSERT);
                 ResultSet rs = published.executeQuery()) {
                while (rs.next()) {
                    Content content;
                    try {
                        content = ContentCodec.read(ContentType.valueOf(rs.getString(2)), rs.getString(3));
                    } catch (RuntimeException e) {
                        throw fail("entry[" + rs.getString(1) + "]", "content-readable", "its published revision is not valid content");
                    }
                    Set<Facets.Facet> facets = Facets.listed(content);
                    for (Facets.Facet facet : facets) {
                        insert.setString(1, rs.getString(1));
                        insert.setString(2, facet.name());
                        insert.setString(3, facet.value());
                        insert.setString(4, rs.getString(2));
                        insert.setString(5, rs.getString(4));
                        insert.setString(6, rs.getString(5));
                        insert.setTimestamp(7, rs.getTimestamp(6));
                        insert.executeUpdate();
                    }
                    // q's index, as SearchIndex writes it (V14)
                    SearchIndex.insert(search, rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5), rs.getTimestamp(6),
                            rs.getString(3));
                }
            }
            try (PreparedStatement clear = db.prepareStatement("DELETE FROM facet_count");
                 PreparedStatement counts = db.prepareStatement("INSERT INTO facet_count (content_type, locale, name, val, total)"
                         + " SELECT content_type, locale, name, val, COUNT(*) FROM entry_facet GROUP BY content_type, locale, name, val");
                 PreparedStatement tags = db.prepareStatement(TAGS)) {
                clear.executeUpdate();
                counts.executeUpdate();
                tags.executeUpdate();
            }
        }

        /**
         * This instance's own records go after the imported ones, then the import's record, each chained after the
         * one before (the imported records keep their hashes as exported); audit_head and the sequence continue there.
         */
        private long reappendLocalEvents() throws SQLException {
            long next = maxAuditId;
            String previous = lastAuditHash;
            try (PreparedStatement insert = db.prepareStatement(BackupTables.AUDIT.insert())) {
                for (Map<String, Object> event : localEvents) {
                    previous = appendChained(insert, new AuditChain.Fields(++next, instant(event.get("at")), (String) event.get("actor"),
                            (String) event.get("action"), (String) event.get("entry_id"), (String) event.get("content_type"),
                            (String) event.get("slug"), event.get("revision_number") == null ? null : ((Number) event.get("revision_number")).intValue(),
                            (String) event.get("from_state"), (String) event.get("to_state"), (String) event.get("detail"), previous));
                }
                Map<String, Long> counts = manifest.counts();
                String detail = "restored " + BackupTables.kinds().stream().map(k -> counts.get(k) + " " + k).toList()
                        + " from the export of " + exportedAt + " by " + exportedBy;
                previous = appendChained(insert, new AuditChain.Fields(++next, AuditChain.kept(Instant.now()), actor, "import", null, null,
                        null, null, null, null, detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...", previous));
            }
            update("UPDATE audit_head SET last_id = ?, hash = ? WHERE id = 1", next, previous);
            update("ALTER SEQUENCE audit_seq RESTART WITH " + (next + 1));
            return next;
        }

        private static String appendChained(PreparedStatement insert, AuditChain.Fields f) throws SQLException {
            String hash = AuditChain.hash(f);
            List<Column> columns = BackupTables.AUDIT.columns();
            Object[] values = {f.id(), Timestamp.from(f.at()), f.actor(), f.action(), f.entryId(), f.contentType(), f.slug(),
                    f.revisionNumber(), f.fromState(), f.toState(), f.detail(), f.prevHash(), hash};
            for (int i = 0; i < columns.size(); i++) {
                RowCodec.bindRaw(insert, i + 1, columns.get(i), values[i]);
            }
            insert.executeUpdate();
            return hash;
        }

        private static Instant instant(Object at) {
            if (at instanceof Timestamp t) {
                return t.toInstant();
            }
            if (at instanceof java.time.LocalDateTime local) {
                return Timestamp.valueOf(local).toInstant();
            }
            throw new IllegalStateException("an audit record's time reads as " + at);
        }

        private static <E extends Enum<E>> void enumValue(JsonObject line, String field, Class<E> type) {
            String value = RowCodec.string(field, line.get(field));
            if (EnumSet.allOf(type).stream().noneMatch(e -> e.name().equals(value))) {
                throw new RowCodec.BadField(field, "must be one of " + EnumSet.allOf(type));
            }
        }

        private static JsonObject parse(byte[] raw, String at) {
            try (var reader = Json.createReader(new ByteArrayInputStream(raw))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw ProblemException.badRequest("import-line", "A line of the export is not one JSON object.",
                        List.of(new Violation(at, "json-object", "is not a single JSON object: " + shortened(e.getMessage()))));
            }
        }

        private long count(String sql) throws SQLException {
            try (PreparedStatement count = db.prepareStatement(sql); ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void update(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
        }

        private static ProblemException fail(String field, String rule, String message) {
            return ProblemException.unprocessable("import-rejected", "The export was refused at " + field + ". Nothing was imported.",
                    List.of(new Violation(field, rule, message)));
        }

        private static String shortened(String message) {
            String m = String.valueOf(message);
            return m.length() <= 300 ? m : m.substring(0, 300) + "...";
        }
    }
}
