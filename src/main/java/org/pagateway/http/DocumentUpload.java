package org.pagateway.http;

/**
 * A clinical document as a multipart/form-data upload carries it (curl -F description=... -F file=@notes.pdf): the
 * description, the uploader's file name and the content, with optional uploadedBy and source (UPLOAD, or FAX for a
 * fax server filing what came in behind a cover sheet). When the request could not be read as one, {@code refusal}
 * says why and the rest is empty.
 */
public record DocumentUpload(String description, String fileName, byte[] content, String uploadedBy, String source,
        Refusal refusal, String reason) {

    public enum Refusal {
        /** Not multipart/form-data: 415. */
        NOT_MULTIPART,
        /** Larger than a document may be: 413, refused before the rest of the body is read. */
        TOO_LARGE,
        /** multipart/form-data that cannot be parsed: 400. */
        MALFORMED,
        /** No part named "file": 422. */
        NO_FILE
    }

    public static DocumentUpload refused(Refusal refusal, String reason) {
        return new DocumentUpload(null, null, null, null, null, refusal, reason);
    }
}
