package org.pagateway.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pagateway.model.Document;
import org.pagateway.model.DocumentSource;
import org.pagateway.model.DocumentType;
import org.pagateway.support.SampleDocuments;
import org.pagateway.support.TestParts;
import org.pagateway.validation.DocumentRefused;

/** Documents in a real database (an H2 file, or PostgreSQL on external parts), migrated by Flyway as the gateway opens it. */
class DocumentStoreTest {

    // 01:49 PM in Boston on the seed's day
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-06-13T17:49:00Z"), ZoneId.of("America/New_York"));
    private static final String AUTH = "19164R00145";

    @TempDir
    Path folder;
    private String url;
    private Database database;
    private DocumentStore store;

    @BeforeEach
    void open() {
        url = TestParts.databaseUrl(folder);
        database = Database.open(url, TestParts.dbUser(), TestParts.dbPassword(), ReferenceFiles.directory(null));
        store = new DocumentStore(database.dataSource(), CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstDocumentIsNamedAfterTheAuthorizationAndLaterOnesAreCounted() {
        Document first = store.add(AUTH, "Operative plan", "plan.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD);
        Document second = store.add(AUTH, "Knee image", "knee.png", SampleDocuments.image("png"), "kmarsh", DocumentSource.UPLOAD);
        // the ending is what the content is, not what the uploader called it
        Document third = store.add(AUTH, "Photo", "photo.pdf", SampleDocuments.image("jpeg"), "kmarsh", DocumentSource.UPLOAD);
        Document fourth = store.add(AUTH, "Scan", "scan", SampleDocuments.image("tiff"), "kmarsh", DocumentSource.UPLOAD);
        Document otherFirst = store.add("19164R00146", "Notes", "notes.pdf", SampleDocuments.pdf("19164R00146"), "kmarsh",
                DocumentSource.UPLOAD);

        assertEquals(List.of("19164R00145.pdf", "19164R00145-1.png", "19164R00145-2.jpg", "19164R00145-3.tif"),
                List.of(first.fileName(), second.fileName(), third.fileName(), fourth.fileName()));
        assertEquals(List.of(0, 1, 2, 3), List.of(first.sequence(), second.sequence(), third.sequence(), fourth.sequence()));
        assertEquals(List.of("application/pdf", "image/png", "image/jpeg", "image/tiff"),
                List.of(first.mediaType(), second.mediaType(), third.mediaType(), fourth.mediaType()));
        assertEquals("19164R00146.pdf", otherFirst.fileName());
    }

    @Test
    void aFaxedDocumentIsDescribedByItsAuthIdDateAndTime() {
        Document faxed = store.add(AUTH, null, null, SampleDocuments.image("tiff"), null, DocumentSource.FAX);
        Document described = store.add(AUTH, "what the fax server guessed", null, SampleDocuments.pdf(AUTH), "fax",
                DocumentSource.FAX);

        assertEquals("19164R00145 06/13/2019 01:49 PM", faxed.description());
        assertEquals("19164R00145 06/13/2019 01:49 PM", described.description());
        assertEquals(DocumentSource.FAX, store.find(AUTH, faxed.id()).orElseThrow().source());
    }

    @Test
    void anUploadWithoutDescriptionIsTheSeedsClinicalInformationReceived() {
        Document blank = store.add(AUTH, " \t", "notes.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD);

        assertEquals("Clinical information rcvd 06/13/2019", blank.description());
    }

    @Test
    void whatWasStoredComesBackWhole() throws Exception {
        byte[] pdf = SampleDocuments.pdf(AUTH);
        Document added = store.add(AUTH, "  Operative\nplan  ", "C:\\Users\\kmarsh\\Desktop\\plan.pdf", pdf, "kmarsh",
                DocumentSource.UPLOAD);

        assertEquals(Optional.of(added), store.find(AUTH, added.id()));
        assertEquals("Operative plan", added.description());
        assertEquals("plan.pdf", added.originalFileName());
        assertEquals(DocumentType.PDF, added.type());
        assertEquals(pdf.length, added.sizeBytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), added.sha256());
        assertEquals(CLOCK.instant(), added.uploadedAt());
        assertEquals("kmarsh", added.uploadedBy());
        assertArrayEquals(pdf, store.content(AUTH, added.id()).orElseThrow());
    }

    @Test
    void documentsOutliveTheDatabaseBeingClosed() {
        byte[] png = SampleDocuments.image("png");
        Document added = store.add(AUTH, "Knee image", "knee.png", png, "kmarsh", DocumentSource.UPLOAD);
        database.close();

        database = Database.open(url, TestParts.dbUser(), TestParts.dbPassword(), ReferenceFiles.directory(null));
        DocumentStore reopened = new DocumentStore(database.dataSource(), CLOCK);

        assertEquals(List.of(added), reopened.list(AUTH));
        assertArrayEquals(png, reopened.content(AUTH, added.id()).orElseThrow());
        assertEquals("19164R00145-1.pdf",
                reopened.add(AUTH, "More", "more.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD).fileName());
    }

    @Test
    void eachAuthorizationSeesOnlyItsOwnDocuments() {
        Document mine = store.add(AUTH, "Mine", "a.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD);
        Document second = store.add(AUTH, "Mine too", "b.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD);
        Document theirs = store.add("19164R00146", "Theirs", "c.pdf", SampleDocuments.pdf("19164R00146"), "other",
                DocumentSource.UPLOAD);

        assertEquals(List.of(mine, second), store.list(AUTH));
        assertEquals(List.of(), store.list("19164R00147"));
        // another authorization's document ID finds nothing, so one provider cannot read another's by guessing
        assertEquals(Optional.empty(), store.find(AUTH, theirs.id()));
        assertEquals(Optional.empty(), store.content(AUTH, theirs.id()));
        assertEquals(Optional.empty(), store.find(AUTH, 999_999));
    }

    @Test
    void refusedDocumentsAreNotStored() {
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, tooLarge, 0, 5);

        assertEquals(DocumentRefused.Kind.TOO_LARGE, assertThrows(DocumentRefused.class,
                () -> store.add(AUTH, "Big", "big.pdf", tooLarge, "kmarsh", DocumentSource.UPLOAD)).kind());
        assertEquals(DocumentRefused.Kind.UNSUPPORTED_TYPE, assertThrows(DocumentRefused.class,
                () -> store.add(AUTH, "Notes", "notes.pdf", "typed notes".getBytes(), "kmarsh", DocumentSource.UPLOAD)).kind());
        assertEquals(DocumentRefused.Kind.EMPTY, assertThrows(DocumentRefused.class,
                () -> store.add(AUTH, "Nothing", "empty.pdf", new byte[0], "kmarsh", DocumentSource.UPLOAD)).kind());
        DocumentRefused longDescription = assertThrows(DocumentRefused.class,
                () -> store.add(AUTH, "x".repeat(256), "a.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD));
        assertEquals("description", longDescription.field());
        assertEquals("is 256 characters; at most 255", longDescription.reason());
        assertEquals(List.of(), store.list(AUTH));
        assertThrows(IllegalArgumentException.class,
                () -> store.add("../19164R00145", "Notes", "a.pdf", SampleDocuments.pdf(AUTH), "kmarsh", DocumentSource.UPLOAD));
    }

    @Test
    void uploadsAtTheSameTimeEachGetTheirOwnNumber() throws Exception {
        byte[] pdf = SampleDocuments.pdf(AUTH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Document>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(() -> store.add(AUTH, "Concurrent", "c.pdf", pdf, "kmarsh", DocumentSource.UPLOAD));
            }
            List<Document> added = new ArrayList<>();
            for (Future<Document> f : pool.invokeAll(uploads)) {
                added.add(f.get());
            }

            assertEquals(IntStream.range(0, 4).boxed().collect(Collectors.toSet()),
                    added.stream().map(Document::sequence).collect(Collectors.toSet()));
            assertEquals(Set.of("19164R00145.pdf", "19164R00145-1.pdf", "19164R00145-2.pdf", "19164R00145-3.pdf"),
                    store.list(AUTH).stream().map(Document::fileName).collect(Collectors.toSet()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theUploadersFileNameIsKeptOnlyAsSomethingSafeToShow() {
        assertEquals("plan.pdf", DocumentStore.originalName("/home/someone/plan.pdf"));
        assertEquals("notes exe.pdf", DocumentStore.originalName("C:\\docs\\notes\u202E\texe.pdf"));
        assertEquals("a b.pdf", DocumentStore.originalName("a\u0000b.pdf"));
        assertNull(DocumentStore.originalName(" \u200B "));
        assertNull(DocumentStore.originalName(null));
        assertEquals(255, DocumentStore.originalName("n".repeat(300) + ".pdf").length());
        assertTrue(DocumentStore.originalName("n".repeat(254) + "\uD83D\uDE42.pdf").endsWith("n"), "no half of a character");
    }
}
