package org.pagateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pagateway.model.AuthorizationLookup;
import org.pagateway.model.AuthorizationSummary;
import org.pagateway.support.Samples;
import org.pagateway.support.TestParts;

/** An authorization stored before the lookup columns existed is found by site and diagnosis once the database is opened. */
class LookupColumnsBackfillTest {

    @Test
    void anAuthorizationStoredBeforeV4IsFoundBySiteAndDiagnosis() throws Exception {
        String url = TestParts.databaseUrl("backfill");
        Flyway.configure().dataSource(url, TestParts.dbUser(), TestParts.dbPassword()).locations("classpath:db/migration")
                .target("3").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, TestParts.dbUser(), TestParts.dbPassword());
                PreparedStatement insert = c.prepareStatement("INSERT INTO authorization_record (id, status, action_code,"
                        + " channel, request_category, request_json, decision_json, created_at, updated_at)"
                        + " VALUES ('26001R00001', 'MEDREVIEW', 'A4', 'JSON_HTTP', 'ADMISSION_REVIEW', ?,"
                        + " '{\"outcome\":\"MEDREVIEW\",\"status\":\"MEDREVIEW\"}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, new String(Samples.bytes(Samples.json("03-admission-inpatient.json")), "UTF-8"));
            insert.executeUpdate();
        }

        try (Database database = Database.open(url, TestParts.dbUser(), TestParts.dbPassword(), ReferenceFiles.directory(null))) {
            AuthorizationStore store = new AuthorizationStore(database.dataSource(), ReferenceFiles.directory(null));
            List<AuthorizationSummary> found = store.search(new AuthorizationLookup(null, "lakeside", Set.of(), "J96.01", 10, 0));
            assertEquals(List.of("26001R00001"), found.stream().map(AuthorizationSummary::id).toList());
            assertEquals("J189", found.get(0).diagnosisCode(), "the primary one is shown");
            assertEquals(LocalDate.of(2026, 12, 2), found.get(0).serviceEnd());
        }
    }
}
