package org.pagateway.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.pagateway.rules.ProviderDirectory;

/** The authorization store's database: embedded H2 in a file by default, any JDBC URL by configuration. */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Opens the database and brings its schema up to date: the SQL migrations in db/migration, and the Java ones here
     * (the directory gives earlier authorizations their site, {@link LookupColumnsBackfill}).
     */
    public static Database open(String url, String user, String password, ProviderDirectory directory) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password == null ? "" : password);
        pool.setMaxConnections(32);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                .javaMigrations(new LookupColumnsBackfill(directory)).load().migrate();
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
        pool.dispose();
    }
}
