package org.pagateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.DateRange;
import org.pagateway.model.Diagnosis;
import org.pagateway.rules.ProviderDirectory;

/**
 * Migration 4.1: fills the lookup columns V4 added (site, primary diagnosis, service dates, every diagnosis) for the
 * authorizations stored before it, so a site or diagnosis lookup finds them too. SQL cannot do it the same way on H2
 * and PostgreSQL (it means reading the request JSON), and the site comes from the provider directory, which is why
 * this one is Java and is given the directory. A new database has nothing to fill.
 */
final class LookupColumnsBackfill implements JavaMigration {

    private final ProviderDirectory directory;

    LookupColumnsBackfill(ProviderDirectory directory) {
        this.directory = directory;
    }

    @Override
    public MigrationVersion getVersion() {
        // right after V4, whose columns it fills; 4.1 leaves the whole numbers to the SQL migrations
        return MigrationVersion.fromVersion("4.1");
    }

    @Override
    public String getDescription() {
        return "lookup columns of earlier authorizations";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement("SELECT id, request_json FROM authorization_record"
                + " WHERE primary_diagnosis IS NULL AND service_start IS NULL AND requester_site IS NULL");
                PreparedStatement update = c.prepareStatement("UPDATE authorization_record SET requester_site = ?,"
                        + " primary_diagnosis = ?, service_start = ?, service_end = ? WHERE id = ?");
                PreparedStatement diagnosis = c.prepareStatement("INSERT INTO authorization_diagnosis (authorization_id,"
                        + " diagnosis_order, code) VALUES (?, ?, ?)");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                AuthorizationRequest request = CanonicalJson.mapper().readValue(rs.getString(2), AuthorizationRequest.class);
                List<Diagnosis> codes = request.diagnoses();
                DateRange dates = request.servicePeriod();
                update.setString(1, AuthorizationStore.site(directory, request));
                update.setString(2, codes.isEmpty() ? null : AuthorizationStore.diagnosisCode(codes.get(0).code()));
                AuthorizationStore.setDate(update, 3, dates == null ? null : dates.start());
                AuthorizationStore.setDate(update, 4, dates == null ? null : dates.end());
                update.setString(5, id);
                update.addBatch();
                for (int i = 0; i < codes.size(); i++) {
                    diagnosis.setString(1, id);
                    diagnosis.setInt(2, i);
                    diagnosis.setString(3, AuthorizationStore.diagnosisCode(codes.get(i).code()));
                    diagnosis.addBatch();
                }
            }
            update.executeBatch();
            diagnosis.executeBatch();
        }
    }
}
