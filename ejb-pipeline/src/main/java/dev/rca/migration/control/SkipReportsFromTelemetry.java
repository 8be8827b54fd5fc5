package dev.rca.migration.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Changeset 007: copies each upload's skip report out of its ingest telemetry row's metadata
 * ({@code partialUploadTelemetry}) into {@code uploads.skip_report}. In Java rather than SQL because H2 has no JSON
 * path operators; the JSON value is bound with each database's own cast.
 */
public class SkipReportsFromTelemetry implements CustomTaskChange {

    static final String KEY = "partialUploadTelemetry";
    private int copied;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        String update = database instanceof PostgresDatabase
                ? "UPDATE uploads SET skip_report = CAST(? AS JSONB) WHERE id = ?"
                : "UPDATE uploads SET skip_report = ? FORMAT JSON WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement("SELECT e.upload_id, e.metadata FROM"
                + " upload_telemetry_events e WHERE e.stage = 'ingest' AND e.upload_id IS NOT NULL");
             PreparedStatement write = connection.prepareStatement(update);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String report = reportOf(rows.getString(2));
                if (report != null) {
                    write.setString(1, report);
                    write.setObject(2, rows.getObject(1));
                    write.addBatch();
                    copied++;
                }
            }
            write.executeBatch();
        } catch (SQLException e) {
            throw new CustomChangeException("could not copy the skip reports to uploads.skip_report", e);
        }
    }

    /** The report's JSON text in a metadata document, or null when it has none. */
    static String reportOf(String metadata) {
        if (metadata == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(metadata))) {
            JsonValue value = reader.readValue();
            // H2 hands a JSON column over as JSON text; a value stored as a JSON string holds the document in it.
            if (value.getValueType() == JsonValue.ValueType.STRING) {
                return reportOf(((JsonString) value).getString());
            }
            JsonValue report = value.asJsonObject().get(KEY);
            return report instanceof JsonObject ? report.toString() : null;
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "copied " + copied + " skip report(s) to uploads.skip_report";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
