package org.pagateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys file: one line per key, {@code client,role,sites,sha256}. Only the SHA-256 of each key is kept.
 * A slow password hash (bcrypt, Argon2) protects low-entropy secrets that people choose; these keys are 256 random
 * bits the gateway (or {@code openssl rand}) makes, so a leaked file cannot be brute-forced either way, and a plain
 * digest lets every request be checked with one hash and one map lookup.
 */
public final class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    /** With an Idempotency-Key (200 at most) it makes a resend's key, which the store keeps in 300 characters. */
    static final int MAX_CLIENT_NAME = 64;
    public static final String HEADER = "client,role,sites,sha256";
    /** The first admin key is put here, beside the keys file, for the operator to take and delete. */
    public static final String INITIAL_ADMIN_KEY_FILE = "initial-admin-key.txt";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often the file is looked at for a change: a revoked key stops working within this time. */
    static final Duration RECHECK = Duration.ofSeconds(2);

    private final Path file;
    private final long recheckNanos;
    private volatile Snapshot current;

    /** The keys as last read, the file's time when they were, and when it was last looked at. */
    private record Snapshot(Map<String, Client> byHash, FileTime modified, long checkedAt) {
    }

    private ApiKeys(Path file, Duration recheck, Map<String, Client> byHash, FileTime modified) {
        this.file = file;
        this.recheckNanos = recheck.toNanos();
        this.current = new Snapshot(Map.copyOf(byHash), modified, System.nanoTime());
    }

    /** The client a presented key belongs to; empty for an unknown key. */
    public Optional<Client> find(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys().byHash().get(hash(presentedKey.strip())));
    }

    public int size() {
        return keys().byHash().size();
    }

    /**
     * The keys, read again when the file has changed since: keys are added and revoked by editing the file, without a
     * restart. A changed file that cannot be taken leaves the keys read before in force, and says why in the log.
     */
    private Snapshot keys() {
        Snapshot seen = current;
        long now = System.nanoTime();
        if (now - seen.checkedAt() < recheckNanos) {
            return seen;
        }
        synchronized (this) {
            seen = current;
            if (now - seen.checkedAt() < recheckNanos) {
                return seen;
            }
            FileTime modified = seen.modified();
            Map<String, Client> byHash = seen.byHash();
            try {
                modified = Files.getLastModifiedTime(file);
                if (!modified.equals(seen.modified())) {
                    byHash = Map.copyOf(parse(file));
                    LOG.info("API keys file {} changed: {} key(s) now", file, byHash.size());
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                LOG.error("API keys file {} changed but cannot be taken, the keys read before stay in force: {}", file,
                        e.getMessage());
            }
            current = new Snapshot(byHash, modified, now);
            return current;
        }
    }

    /**
     * The keys of the gateway. {@code configured}: the file named by gateway.security.keys, which must exist (a typo must
     * not quietly make a new admin key somewhere). Null: {@code defaultFile}, made on first start with one admin key.
     */
    public static ApiKeys load(Path configured, Path defaultFile) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new IllegalStateException("gateway.security.keys names " + configured + ", which is not a file");
            }
            return read(configured);
        }
        if (!Files.exists(defaultFile)) {
            createWithAdminKey(defaultFile);
        }
        return read(defaultFile);
    }

    /** Reads a keys file; a line that cannot be taken stops the start, named by its number (never echoed). */
    public static ApiKeys read(Path file) {
        return read(file, RECHECK);
    }

    static ApiKeys read(Path file, Duration recheck) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return new ApiKeys(file, recheck, parse(file), modified);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API keys file " + file, e);
        }
    }

    private static Map<String, Client> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API keys file " + file, e);
        }
        Map<String, Client> byHash = new HashMap<>();
        for (ConfigLines.Row row : ConfigLines.parse(lines, HEADER, -1, "API keys file " + file).rows()) {
            int i = row.number() - 1;
            String[] fields = row.fields();
            if (fields.length != 4) {
                throw bad(file, i, "4 fields expected: " + HEADER);
            }
            Role role;
            try {
                role = Role.parse(fields[1]);
            } catch (IllegalArgumentException e) {
                throw bad(file, i, "role is admin, reviewer, client or monitor");
            }
            String digest = fields[3].strip().toLowerCase(java.util.Locale.ROOT);
            if (!digest.matches("[0-9a-f]{64}")) {
                throw bad(file, i, "sha256 is the 64 hex digits of the key's SHA-256");
            }
            // a site named twice is still one site
            Set<String> sites = Set.copyOf(Arrays.asList(fields[2].strip().split("\\s+")));
            Client client = new Client(fields[0].strip(), role, sites);
            if (client.name().isEmpty()) {
                throw bad(file, i, "client names who holds the key");
            }
            if (client.name().length() > MAX_CLIENT_NAME) {
                // it goes into the keys of the client's resent requests, which have a column of bounded width
                throw bad(file, i, "client is at most " + MAX_CLIENT_NAME + " characters");
            }
            if (role.siteScoped() && client.sites().isEmpty()) {
                throw bad(file, i, "a client needs its sites (separated by spaces), or * for all");
            }
            if (byHash.put(digest, client) != null) {
                throw bad(file, i, "the same key is listed twice");
            }
        }
        if (byHash.isEmpty()) {
            LOG.warn("the API keys file {} lists no key: every API call will be refused", file);
        }
        return byHash;
    }

    private static IllegalStateException bad(Path file, int index, String reason) {
        return new IllegalStateException("API keys file " + file + ", line " + (index + 1) + ": " + reason);
    }

    /**
     * First start: a keys file with one admin key, and the key itself in initial-admin-key.txt beside it, both
     * readable by the gateway's user only. The log says where, never what.
     */
    static void createWithAdminKey(Path file) {
        String key = newKey();
        Path keyFile = file.resolveSibling(INITIAL_ADMIN_KEY_FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // the keys file first: creating it is atomic, so of two gateways starting on one home only one makes a key
            writePrivate(file, String.join(System.lineSeparator(),
                    "# API keys of pa-gateway: one line per key; sha256 is the SHA-256 of the key in hex, never the key.",
                    "# role: admin (everything), reviewer (every site's authorizations, review decisions), client (its sites),",
                    "# monitor (GET /metrics only).",
                    "# sites: provider sites as in the provider directory, separated by spaces; * for every site.",
                    "# A new key: K=pgw_$(openssl rand -hex 32); printf %s \"$K\" | sha256sum",
                    HEADER,
                    "admin,admin,*," + hash(key), ""));
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the API keys file " + file, e);
        }
        try {
            // one left from an earlier keys file is of no use any more
            Files.deleteIfExists(keyFile);
            writePrivate(keyFile, key + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin key to " + keyFile
                    + "; delete " + file + " and start again", e);
        }
        LOG.warn("no API keys file: created {} with one admin key. The key is in {} (readable by this user only):"
                + " keep it somewhere safe and delete that file.", file, keyFile);
    }

    private static void writePrivate(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions have to do
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A new key: pgw_ and 256 random bits, base64url. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the keys file keeps of a key. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
