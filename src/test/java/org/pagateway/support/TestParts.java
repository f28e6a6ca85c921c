package org.pagateway.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.pagateway.store.Database;
import org.pagateway.store.ReferenceFiles;

/**
 * The database and broker the tests run on. By default the gateway's embedded ones: H2, and Artemis in the gateway's
 * JVM. With {@code -Dgateway.test.parts=external} (the external-parts execution in pom.xml, part of every
 * {@code mvn test}) the run's PostgreSQL ({@link TestPostgres}) and a standalone Artemis ({@link StandaloneBroker}),
 * as a payer runs the gateway: the same tests then hold the gateway to the same answers on those.
 */
public final class TestParts {

    private TestParts() {
    }

    public static boolean external() {
        return "external".equals(System.getProperty("gateway.test.parts"));
    }

    /** A database that lives as long as the run: H2 in memory under this name, or a new PostgreSQL database. */
    public static String databaseUrl(String name) {
        return external() ? TestPostgres.newDatabase(name) : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    /** A database in the folder, gone when its last connection closes: an H2 file there, or a new PostgreSQL database. */
    public static String databaseUrl(Path folder) {
        return external() ? TestPostgres.newDatabase("folder") : "jdbc:h2:file:" + folder.resolve("gateway");
    }

    public static String dbUser() {
        return external() ? TestPostgres.USER : "sa";
    }

    public static String dbPassword() {
        return external() ? TestPostgres.PASSWORD : "";
    }

    /** A store of the run's kind, migrated, as the gateway opens it. */
    public static Database openDatabase(String name) {
        return Database.open(databaseUrl(name), dbUser(), dbPassword(), ReferenceFiles.directory(null));
    }

    /** What the run's gateway is told besides its home and ports: nothing, or where its external parts are. */
    public static Map<String, String> gatewaySettings() {
        if (!external()) {
            return Map.of();
        }
        // PostgreSQL's initdb and start run while the broker starts: the run waits for the slower only
        CompletableFuture<String> database = CompletableFuture.supplyAsync(() -> TestPostgres.newDatabase("gateway"));
        String broker = StandaloneBroker.shared().url();
        return Map.of("gateway.db.url", database.join(), "gateway.db.user", TestPostgres.USER,
                "gateway.db.password", TestPostgres.PASSWORD, "gateway.broker.url", broker);
    }
}
