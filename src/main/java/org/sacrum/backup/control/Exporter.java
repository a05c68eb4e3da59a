package org.sacrum.backup.control;


import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.backup.control.BackupTables.Table;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.SacrumDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Writes the export: a header line, every row of every kind in {@link BackupTables} order (one JSON object a line,
 * read through a forward-only cursor, so nothing is held in memory), then the manifest line.
 */
@Stateless
public class Exporter {
    private static final int FETCH_SIZE = 500;

    @Resource(lookup = SacrumDataSource.JNDI_NAME)
    DataSource dataSource;
    @Inject
    AuditLog audit;

    /** Recorded in its own transaction before the stream starts, so the export holds its own audit record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordExport(String actor) {
        audit.record(actor, "export", "full export (NDJSON) requested");
    }

    /** One transaction, one connection, for the whole stream. */
    public void write(OutputStream out, String exportedBy) {
        try (Connection connection = dataSource.getConnection()) {
            snapshot(connection);
            writeLine(out, Json.createObjectBuilder().add("kind", BackupTables.HEADER).add("format", BackupTables.FORMAT)
                    .add("exportedAt", Instant.now().toString()).add("exportedBy", exportedBy).build());
            Manifest manifest = new Manifest();
            for (Table table : BackupTables.ALL) {
                try (PreparedStatement select = connection.prepareStatement(table.select());
                     PreparedStatement roles = table == BackupTables.PERSON
                             ? connection.prepareStatement("SELECT role FROM person_role WHERE person_id = ? ORDER BY role") : null) {
                    select.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            JsonObjectBuilder line = Json.createObjectBuilder().add("kind", table.kind());
                            for (int i = 0; i < table.columns().size(); i++) {
                                RowCodec.read(rs, i + 1, table.columns().get(i), line);
                            }
                            if (roles != null) {
                                line.add("roles", roles(roles, rs.getString(1)));
                            }
                            manifest.add(table.kind(), writeLine(out, line.build()));
                        }
                    }
                }
            }
            writeLine(out, manifest.toJson());
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("Export failed reading the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Export stream closed", e);
        }
    }

    /**
     * On PostgreSQL every table is read from one snapshot, so rows written while the export streams cannot leave a
     * revision without its entry. (H2 has no per-transaction isolation statement; export it while nobody edits.)
     */
    private static void snapshot(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        }
    }

    private static JsonArrayBuilder roles(PreparedStatement roles, String personId) throws SQLException {
        roles.setString(1, personId);
        JsonArrayBuilder list = Json.createArrayBuilder();
        try (ResultSet rs = roles.executeQuery()) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }

    private static byte[] writeLine(OutputStream out, JsonObject line) throws IOException {
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.write('\n');
        return bytes;
    }
}
