package org.pagateway.validation;

import java.util.Optional;

import org.pagateway.model.DocumentType;

/**
 * What a clinical document is, judged by its first bytes and never by its name or the uploader's content
 * type: a "notes.pdf" that is really an executable is refused. The seed's portal takes up to 5 MB.
 */
public final class DocumentContent {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final String FIELD = "file";

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 0x2A, 0x00};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0x00, 0x2A};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private DocumentContent() {
    }

    /** The type of an acceptable document; anything else is refused with its reason. */
    public static DocumentType check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new DocumentRefused(DocumentRefused.Kind.EMPTY, FIELD, "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new DocumentRefused(DocumentRefused.Kind.TOO_LARGE, FIELD,
                    "is " + content.length + " bytes; documents may be up to 5 MB (" + MAX_BYTES + " bytes)");
        }
        return typeOf(content).orElseThrow(() -> new DocumentRefused(DocumentRefused.Kind.UNSUPPORTED_TYPE, FIELD,
                "is not a PDF, TIFF, PNG or JPEG document"));
    }

    /** The type the content starts like, whatever its size. */
    public static Optional<DocumentType> typeOf(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(DocumentType.PDF);
        }
        if (startsWith(content, TIFF_LITTLE_ENDIAN) || startsWith(content, TIFF_BIG_ENDIAN)) {
            return Optional.of(DocumentType.TIFF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(DocumentType.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(DocumentType.JPEG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content == null || content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
