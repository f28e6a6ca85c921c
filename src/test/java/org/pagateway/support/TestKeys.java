package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pagateway.security.ApiKeys;

/**
 * The API keys of the test gateway: an admin (what the tests send unless they say otherwise), a reviewer, a monitor,
 * and two clients of the provider directory's sites: one of two sites (the seed's multi-site user), one of one.
 */
public final class TestKeys {

    public static final String ADMIN = "pgw_test-admin-0000000000000000000000000000000000";
    public static final String REVIEWER = "pgw_test-reviewer-000000000000000000000000000000000";
    /** RIVERBEND FAMILY MEDICINE (1043729189) and LAKESIDE COMMUNITY HOSPITAL (1277345801). */
    public static final String RIVERBEND_LAKESIDE = "pgw_test-riverbend-lakeside-000000000000000000000000";
    /** NORTHGATE ORTHOPEDIC ASSOCIATES (1588203640) and the other NORTHGATE providers. */
    public static final String NORTHGATE = "pgw_test-northgate-0000000000000000000000000000000";
    /** A Prometheus server's: /metrics only. */
    public static final String MONITOR = "pgw_test-monitor-000000000000000000000000000000000";

    private TestKeys() {
    }

    /** Writes the keys file (hashes only, as the gateway keeps them) and returns it. */
    public static Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n",
                    "# test keys",
                    ApiKeys.HEADER,
                    "test-admin,admin,*," + ApiKeys.hash(ADMIN),
                    "test-reviewer,reviewer,," + ApiKeys.hash(REVIEWER),
                    "riverbend-lakeside,client,RIVERBEND LAKESIDE," + ApiKeys.hash(RIVERBEND_LAKESIDE),
                    "northgate,client,northgate," + ApiKeys.hash(NORTHGATE),
                    "test-monitor,monitor,," + ApiKeys.hash(MONITOR), ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
