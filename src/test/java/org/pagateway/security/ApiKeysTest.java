package org.pagateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The keys file: made with one admin key on first start, read strictly, holding hashes only. */
class ApiKeysTest {

    @TempDir
    Path home;

    @Test
    void firstStartMakesOneAdminKeyAndSaysWhereNotWhat() throws Exception {
        Path file = home.resolve("data").resolve("api-keys.csv");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ApiKeys.class);
        logger.addAppender(log);
        ApiKeys keys;
        try {
            keys = ApiKeys.load(null, file);
        } finally {
            logger.detachAppender(log);
        }
        Path keyFile = file.resolveSibling(ApiKeys.INITIAL_ADMIN_KEY_FILE);
        String key = Files.readString(keyFile).strip();
        assertTrue(key.matches("pgw_[A-Za-z0-9_-]{43}"), "256 random bits, base64url");
        assertEquals(1, keys.size());
        assertEquals(Optional.of(new Client("admin", Role.ADMIN, Set.of("*"))), keys.find(key));
        assertFalse(Files.readString(file).contains(key), "the keys file holds the hash, never the key");
        assertTrue(Files.readString(file).contains(ApiKeys.hash(key)));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(keyFile), "the key is for the gateway's user only");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
        }
        String logged = String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertTrue(logged.contains(file.toString()) && logged.contains(keyFile.toString()), logged);
        assertFalse(logged.contains(key), "never the key itself");

        // the next start reads the same file and makes nothing new
        assertEquals(keys.find(key), ApiKeys.load(null, file).find(key));
        assertEquals(key, Files.readString(keyFile).strip());
    }

    @Test
    void aConfiguredKeysFileMustExist() {
        Path missing = home.resolve("typo").resolve("keys.csv");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ApiKeys.load(missing, home.resolve("d.csv")));
        assertTrue(refused.getMessage().contains("gateway.security.keys"), refused.getMessage());
        assertFalse(Files.exists(home.resolve("d.csv")), "no admin key made somewhere else instead");
    }

    @Test
    void keysAreFoundByTheirHashAndUnknownOnesAreNot() throws Exception {
        Path file = home.resolve("keys.csv");
        Files.writeString(file, String.join("\n", "# comment", "", ApiKeys.HEADER,
                "pms-riverbend, client, RIVERBEND lakeside RIVERBEND, " + ApiKeys.hash("k1"),
                "nurse,reviewer,," + ApiKeys.hash("k2").toUpperCase()));
        ApiKeys keys = ApiKeys.read(file);
        Client riverbend = keys.find(" k1 ").orElseThrow();
        assertEquals("pms-riverbend", riverbend.name());
        assertEquals(Set.of("RIVERBEND", "LAKESIDE"), riverbend.sites());
        assertTrue(riverbend.actsFor("lakeside") && !riverbend.actsFor("NORTHGATE") && !riverbend.actsFor(null));
        assertFalse(riverbend.allSites());
        Client nurse = keys.find("k2").orElseThrow();
        assertTrue(nurse.allSites() && nurse.may(Permission.DECIDE) && !nurse.may(Permission.SUBMIT));
        assertEquals(Optional.empty(), keys.find("k3"));
        assertEquals(Optional.empty(), keys.find(""));
        assertEquals(Optional.empty(), keys.find(null));
    }

    @Test
    void aLineThatCannotBeTakenStopsTheStartNamingItsNumber() throws Exception {
        String hash = ApiKeys.hash("k");
        for (List<String> lines : List.of(
                List.of("client,role,sha256", "a,admin," + hash),
                List.of(ApiKeys.HEADER, "a,root,*," + hash),
                List.of(ApiKeys.HEADER, "a,client,*,not-a-hash"),
                List.of(ApiKeys.HEADER, "a,client,," + hash),
                List.of(ApiKeys.HEADER, ",admin,*," + hash),
                List.of(ApiKeys.HEADER, "c".repeat(ApiKeys.MAX_CLIENT_NAME + 1) + ",admin,*," + hash),
                List.of(ApiKeys.HEADER, "a,admin,*," + hash, "b,admin,*," + hash))) {
            Path file = Files.writeString(home.resolve("bad.csv"), String.join("\n", lines));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ApiKeys.read(file), lines.toString());
            assertTrue(refused.getMessage().matches(".*line \\d+: .*"), refused.getMessage());
            assertFalse(refused.getMessage().contains(hash), "no line is echoed");
        }
    }

    /** Keys are added and revoked by editing the file; a broken edit leaves the keys before it in force. */
    @Test
    void aChangedFileIsReadAgainAndABrokenOneLeavesTheKeysBefore() throws Exception {
        Path file = home.resolve("keys.csv");
        Files.writeString(file, String.join("\n", ApiKeys.HEADER, "old,admin,*," + ApiKeys.hash("k-old")));
        ApiKeys keys = ApiKeys.read(file, Duration.ZERO);
        assertTrue(keys.find("k-old").isPresent());

        Files.writeString(file, String.join("\n", ApiKeys.HEADER, "new,client,NORTHGATE," + ApiKeys.hash("k-new")));
        touch(file, 1);
        assertEquals(Optional.empty(), keys.find("k-old"), "revoked");
        assertEquals("new", keys.find("k-new").orElseThrow().name(), "added");

        Files.writeString(file, String.join("\n", ApiKeys.HEADER, "broken,root,*," + ApiKeys.hash("k-broken")));
        touch(file, 2);
        assertEquals("new", keys.find("k-new").orElseThrow().name(), "still in force");
        assertEquals(Optional.empty(), keys.find("k-broken"));
    }

    /** A modification time that differs for certain, whatever the file system's clock granularity. */
    private static void touch(Path file, int step) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + step * 10_000L));
    }
}
