package dev.rca.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;

/** Direct reads of the test database (PostgreSQL), to check what the API cannot show: rows left behind. */
final class Database {

    static Connection connect() throws SQLException {
        return connect(System.getProperty("it.postgresql.url"));
    }

    /** A connection to another database of the same PostgreSQL, as the same user (the cluster test's). */
    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("it.postgresql.user"),
                System.getProperty("it.postgresql.password"));
    }

    /** Row counts of every table an upload writes to, plus the failed ingest rows of {@code tenant}. */
    static Map<String, Long> footprint(UUID tenant) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("uploads", "upload_files", "file_blocks", "chunks", "upload_telemetry_events")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("failed_ingest_rows", count("SELECT COUNT(*) FROM upload_telemetry_events"
                + " WHERE stage = 'ingest' AND status = 'failed' AND upload_id IS NULL AND tenant_id = ?", tenant));
        return counts;
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return countOn(System.getProperty("it.postgresql.url"), sql, parameters);
    }

    static List<Object[]> query(String sql, Object... parameters) throws SQLException {
        return queryOn(System.getProperty("it.postgresql.url"), sql, parameters);
    }

    static long countOn(String url, String sql, Object... parameters) throws SQLException {
        return queryOn(url, sql, parameters).get(0)[0] instanceof Number n ? n.longValue() : -1;
    }

    static List<Object[]> queryOn(String url, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /**
     * {@code pg_dump --data-only} of the test database, as a backup would hold it, into a temporary file the caller
     * deletes.
     */
    static Path dataDump() throws IOException, InterruptedException {
        URI url = URI.create(System.getProperty("it.postgresql.url").substring("jdbc:".length()));
        Path dump = Files.createTempFile("rca-it-dump-", ".sql");
        Path log = Files.createTempFile("rca-it-dump-", ".log");
        boolean dumped = false;
        try {
            ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--data-only", "--no-password",
                    "--host", url.getHost(), "--port", String.valueOf(url.getPort() == -1 ? 5432 : url.getPort()),
                    "--username", System.getProperty("it.postgresql.user"), "--file", dump.toString(),
                    url.getPath().substring(1))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pgDump.environment().put("PGPASSWORD", System.getProperty("it.postgresql.password"));
            Process process = pgDump.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("pg_dump did not finish within 60 s: " + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("pg_dump exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            dumped = true;
            return dump;
        } finally {
            Files.deleteIfExists(log);
            if (!dumped) {
                Files.deleteIfExists(dump);
            }
        }
    }

    private Database() {
    }
}
