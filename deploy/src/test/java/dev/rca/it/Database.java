package dev.rca.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Direct reads of the test database (PostgreSQL), to check what the API cannot show: rows left behind. */
final class Database {

    static final UUID DEFAULT_TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.postgresql.url"),
                System.getProperty("it.postgresql.user"), System.getProperty("it.postgresql.password"));
    }

    /** Row counts of every table an upload writes to, plus the failed ingest rows of the default tenant. */
    static Map<String, Long> footprint() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("uploads", "upload_files", "file_blocks", "chunks", "upload_telemetry_events")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("failed_ingest_rows", count("SELECT COUNT(*) FROM upload_telemetry_events"
                + " WHERE stage = 'ingest' AND status = 'failed' AND upload_id IS NULL AND tenant_id = '"
                + DEFAULT_TENANT + "'"));
        return counts;
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return query(sql, parameters).get(0)[0] instanceof Number n ? n.longValue() : -1;
    }

    static List<Object[]> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<Object[]> result = new ArrayList<>();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    private Database() {
    }
}
