package org.pagateway.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.pagateway.rules.ProviderDirectory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The authorization store's database: embedded H2 in a file by default, PostgreSQL (or any JDBC URL whose driver is
 * on the class path) by configuration. One schema, migrated by Flyway, written for both H2 and PostgreSQL.
 */
public final class Database implements AutoCloseable {

    /** What the gateway's HTTP threads, file intake and sweep use at most at once; H2's pool had as many. */
    private static final int MAX_CONNECTIONS = 32;
    /**
     * Kept open while idle. Fewer than the maximum: several gateways share one PostgreSQL, each of its connections is a
     * server process, and a quiet gateway should not hold 32 of them.
     */
    private static final int MIN_IDLE = 4;

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the database and brings its schema up to date: the SQL migrations in db/migration, and the Java ones here
     * (the directory gives earlier authorizations their site, {@link LookupColumnsBackfill}).
     */
    public static Database open(String url, String user, String password, ProviderDirectory directory) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(MIN_IDLE);
        // a database that is down fails the start (or a request) within seconds, not after Hikari's 30 s default
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .javaMigrations(new LookupColumnsBackfill(directory)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean isUp() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
