package org.pagateway.model;

import java.time.Instant;

/**
 * A clinical document of an authorization, without its content (that is read on its own, being up to 5 MB).
 * The file name is the gateway's, in the seed's form (19164R00145.pdf, then 19164R00145-1.pdf...); the
 * uploader's own name is kept apart, only to show. The sequence counts the authorization's earlier documents.
 */
public record Document(
        long id,
        String authorizationId,
        int sequence,
        String description,
        String fileName,
        String originalFileName,
        DocumentType type,
        long sizeBytes,
        String sha256,
        Instant uploadedAt,
        String uploadedBy,
        DocumentSource source) {

    public String mediaType() {
        return type.mediaType();
    }
}
