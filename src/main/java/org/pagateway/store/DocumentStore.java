package org.pagateway.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.pagateway.model.Document;
import org.pagateway.model.DocumentSource;
import org.pagateway.model.DocumentType;
import org.pagateway.validation.DocumentContent;
import org.pagateway.validation.DocumentRefused;

/**
 * The clinical documents of authorizations, content and all, in the gateway's database. Each gets the seed's
 * file name: the authorization ID for the first (19164R00145.pdf), then -1, -2... (19164R00145-1.pdf), with
 * the ending of what the content really is. A faxed document is described the way the seed's portal names
 * faxed clinicals: the authorization ID with the date and time it came in.
 */
public final class DocumentStore {

    public static final int MAX_DESCRIPTION = 255;
    public static final int MAX_UPLOADED_BY = 255;
    private static final int MAX_ORIGINAL_NAME = 255;
    // uploads racing for an authorization's next number: a lost race means another upload was stored, so
    // this many attempts carry that many simultaneous uploads to one authorization
    private static final int ATTEMPTS = 10;
    private static final String UNIQUE_VIOLATION = "23505";

    private static final DateTimeFormatter FAXED = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private static final String COLUMNS = "id, authorization_id, sequence_number, description, file_name,"
            + " original_file_name, media_type, size_bytes, sha256, uploaded_at, uploaded_by, source";
    private static final String INSERT = "INSERT INTO authorization_document (authorization_id, sequence_number,"
            + " description, file_name, original_file_name, media_type, size_bytes, sha256, content, uploaded_at,"
            + " uploaded_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public DocumentStore(DataSource dataSource) {
        this(dataSource, Clock.systemDefaultZone());
    }

    /** The clock's zone is the one the automatic descriptions of faxed documents are written in. */
    public DocumentStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Keeps a document of an authorization. The content must be a PDF, TIFF, PNG or JPEG of at most 5 MB; the
     * file name is only the uploader's, kept to show. A blank description of an upload becomes the seed's
     * "Clinical information rcvd 06/13/2019"; a faxed document's is always the automatic one.
     *
     * @throws DocumentRefused when the content or a field cannot be kept, naming the field
     */
    public Document add(String authorizationId, String description, String fileName, byte[] content,
            String uploadedBy, DocumentSource source) {
        requireId(authorizationId);
        DocumentType type = DocumentContent.check(content);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String shownAs = description(authorizationId, description, source, now);
        String by = uploadedBy == null || uploadedBy.isBlank() ? null : uploadedBy.strip();
        if (by != null && by.length() > MAX_UPLOADED_BY) {
            throw new DocumentRefused(DocumentRefused.Kind.INVALID, "uploadedBy", "is longer than " + MAX_UPLOADED_BY + " characters");
        }
        String original = originalName(fileName);
        String sha256 = sha256(content);
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(authorizationId, shownAs, original, type, content, sha256, now, by, source);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new StoreException("cannot store a document of authorization " + authorizationId, e);
                }
            }
        }
    }

    private Document insert(String authorizationId, String description, String originalName, DocumentType type,
            byte[] content, String sha256, Instant at, String uploadedBy, DocumentSource source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sequence = nextSequence(c, authorizationId);
                String fileName = fileName(authorizationId, sequence, type);
                long id;
                try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
                    insert.setString(1, authorizationId);
                    insert.setInt(2, sequence);
                    insert.setString(3, description);
                    insert.setString(4, fileName);
                    insert.setString(5, originalName);
                    insert.setString(6, type.mediaType());
                    insert.setLong(7, content.length);
                    insert.setString(8, sha256);
                    insert.setBytes(9, content);
                    insert.setObject(10, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setString(11, uploadedBy);
                    insert.setString(12, source.name());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                c.commit();
                return new Document(id, authorizationId, sequence, description, fileName, originalName, type,
                        content.length, sha256, at, uploadedBy, source);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int nextSequence(Connection c, String authorizationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MAX(sequence_number) FROM authorization_document WHERE authorization_id = ?")) {
            select.setString(1, authorizationId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                int last = rs.getInt(1);
                return rs.wasNull() ? 0 : last + 1;
            }
        }
    }

    /** The authorization's documents in the order they came. */
    public List<Document> list(String authorizationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM authorization_document WHERE authorization_id = ? ORDER BY sequence_number")) {
            select.setString(1, authorizationId);
            List<Document> documents = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    documents.add(document(rs));
                }
            }
            return documents;
        } catch (SQLException e) {
            throw new StoreException("cannot list the documents of authorization " + authorizationId, e);
        }
    }

    /** A document of that authorization: an ID of another authorization's document finds nothing. */
    public Optional<Document> find(String authorizationId, long documentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM authorization_document WHERE authorization_id = ? AND id = ?")) {
            select.setString(1, authorizationId);
            select.setLong(2, documentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(document(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read document " + documentId + " of authorization " + authorizationId, e);
        }
    }

    /** The content as it was given; at most 5 MB, so whole in memory. */
    public Optional<byte[]> content(String authorizationId, long documentId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT content FROM authorization_document WHERE authorization_id = ? AND id = ?")) {
            select.setString(1, authorizationId);
            select.setLong(2, documentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read document " + documentId + " of authorization " + authorizationId, e);
        }
    }

    private static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), DocumentType.ofMediaType(rs.getString(7)), rs.getLong(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11),
                DocumentSource.valueOf(rs.getString(12)));
    }

    /** 19164R00145.pdf for the first document, 19164R00145-1.pdf for the second, as in the seed's viewer. */
    static String fileName(String authorizationId, int sequence, DocumentType type) {
        return authorizationId + (sequence == 0 ? "" : "-" + sequence) + "." + type.extension();
    }

    private String description(String authorizationId, String given, DocumentSource source, Instant at) {
        if (source == DocumentSource.FAX) {
            return authorizationId + " " + FAXED.format(at.atZone(clock.getZone()));
        }
        String description = given == null ? "" : given.replaceAll("\\p{Cf}", "").replaceAll("[\\p{Cc}\\s]+", " ").strip();
        if (description.isEmpty()) {
            return "Clinical information rcvd " + RECEIVED.format(at.atZone(clock.getZone()));
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new DocumentRefused(DocumentRefused.Kind.INVALID, "description",
                    "is " + description.length() + " characters; at most " + MAX_DESCRIPTION);
        }
        return description;
    }

    /**
     * The uploader's name for the file, only to show: without the folders a browser may send along, control
     * characters, or invisible ones such as a right-to-left override, which makes "...fdp.exe" read "...exe.pdf".
     */
    static String originalName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cf}", "")
                .replaceAll("[\\p{Cc}\\s]+", " ")
                .strip();
        if (name.isEmpty()) {
            return null;
        }
        if (name.length() <= MAX_ORIGINAL_NAME) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_ORIGINAL_NAME - 1)) ? MAX_ORIGINAL_NAME - 1 : MAX_ORIGINAL_NAME;
        return name.substring(0, end);
    }

    private static void requireId(String authorizationId) {
        // it becomes part of a file name and a download's headers: only what the gateway's IDs are made of
        if (authorizationId == null || !authorizationId.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("not an authorization ID: " + authorizationId);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
