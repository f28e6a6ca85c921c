package org.pagateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pagateway.model.DocumentType;
import org.pagateway.support.SampleDocuments;

class DocumentContentTest {

    @Test
    void aRealPdfIsAPdf() {
        assertEquals(DocumentType.PDF, DocumentContent.check(SampleDocuments.pdf("19164R00145")));
    }

    @Test
    void realImagesAreKnownByTheirFirstBytes() {
        assertEquals(DocumentType.PNG, DocumentContent.check(SampleDocuments.image("png")));
        assertEquals(DocumentType.JPEG, DocumentContent.check(SampleDocuments.image("jpeg")));
        assertEquals(DocumentType.TIFF, DocumentContent.check(SampleDocuments.image("tiff")));
    }

    @Test
    void tiffComesInBothByteOrders() {
        assertEquals(DocumentType.TIFF, DocumentContent.check(padded('I', 'I', 0x2A, 0x00)));
        assertEquals(DocumentType.TIFF, DocumentContent.check(padded('M', 'M', 0x00, 0x2A)));
    }

    @Test
    void whatIsNotADocumentIsRefusedAsAnUnsupportedType() {
        for (byte[] content : new byte[][] {
                "Patient notes typed in a text file".getBytes(StandardCharsets.US_ASCII),
                "<html><body>notes</body></html>".getBytes(StandardCharsets.US_ASCII),
                padded('M', 'Z', 0x90, 0x00),
                // a PDF's signature cut short, and one that does not start the file
                "%PDF".getBytes(StandardCharsets.US_ASCII),
                " %PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}}) {
            DocumentRefused refused = assertThrows(DocumentRefused.class, () -> DocumentContent.check(content));
            assertEquals(DocumentRefused.Kind.UNSUPPORTED_TYPE, refused.kind());
            assertEquals("file", refused.field());
            assertEquals("is not a PDF, TIFF, PNG or JPEG document", refused.reason());
        }
    }

    @Test
    void nothingIsRefusedAsEmpty() {
        for (byte[] content : new byte[][] {null, new byte[0]}) {
            DocumentRefused refused = assertThrows(DocumentRefused.class, () -> DocumentContent.check(content));
            assertEquals(DocumentRefused.Kind.EMPTY, refused.kind());
            assertEquals("file", refused.fieldError().field());
            assertEquals("is empty", refused.fieldError().reason());
        }
    }

    @Test
    void fiveMegabytesIsTheMostAByteMore() {
        byte[] largest = pdfOfSize(5 * 1024 * 1024);
        assertEquals(DocumentType.PDF, DocumentContent.check(largest));

        DocumentRefused refused = assertThrows(DocumentRefused.class,
                () -> DocumentContent.check(pdfOfSize(5 * 1024 * 1024 + 1)));
        assertEquals(DocumentRefused.Kind.TOO_LARGE, refused.kind());
        assertEquals("file", refused.field());
        assertTrue(refused.reason().contains("5242881 bytes") && refused.reason().contains("up to 5 MB"), refused.reason());
    }

    private static byte[] padded(int... first) {
        byte[] content = new byte[64];
        for (int i = 0; i < first.length; i++) {
            content[i] = (byte) first[i];
        }
        return content;
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }
}
