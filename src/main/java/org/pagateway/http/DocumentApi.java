package org.pagateway.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pagateway.model.Document;
import org.pagateway.model.DocumentList;
import org.pagateway.model.DocumentSource;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.DocumentStore;
import org.pagateway.validation.DocumentRefused;

/**
 * The clinical documents of an authorization: POST .../documents (multipart/form-data: description and file, 5 MB
 * at most, a PDF, TIFF, PNG or JPEG by its content), GET .../documents (the list), GET .../documents/{docId} (the
 * document as it was given, with its media type).
 */
public final class DocumentApi {

    private final AuthorizationStore authorizations;
    private final DocumentStore documents;

    public DocumentApi(AuthorizationStore authorizations, DocumentStore documents) {
        this.authorizations = authorizations;
        this.documents = documents;
    }

    public HttpAnswer upload(String id, DocumentUpload upload) {
        if (upload == null) {
            return refusal(415, "not-multipart", "Not a multipart upload", "send multipart/form-data with a part named file");
        }
        if (upload.refusal() != null) {
            return switch (upload.refusal()) {
                case TOO_LARGE -> refusal(413, "too-large", "Document too large", upload.reason());
                case NOT_MULTIPART -> refusal(415, "not-multipart", "Not a multipart upload", upload.reason());
                case MALFORMED -> refusal(400, "bad-multipart", "Bad multipart body", upload.reason());
                case NO_FILE -> refusal(422, "validation", "Invalid document", upload.reason());
            };
        }
        if (authorizations.find(id).isEmpty()) {
            return AuthorizationApi.notFound(id);
        }
        DocumentSource source;
        try {
            source = upload.source() == null || upload.source().isBlank() ? DocumentSource.UPLOAD
                    : DocumentSource.valueOf(upload.source().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Problem("https://pa-gateway.org/problems/validation", "Invalid document", 422, "source is UPLOAD or FAX",
                    List.of(new Problem.FieldError("source", "is UPLOAD (the default) or FAX"))).answer();
        }
        try {
            Document added = documents.add(id, upload.description(), upload.fileName(), upload.content(), upload.uploadedBy(),
                    source);
            return HttpAnswer.json(201, added, Map.of("Location", "/api/v1/authorizations/" + id + "/documents/" + added.id()));
        } catch (DocumentRefused refused) {
            int status = switch (refused.kind()) {
                case TOO_LARGE -> 413;
                case UNSUPPORTED_TYPE -> 415;
                case EMPTY, INVALID -> 422;
            };
            return new Problem("https://pa-gateway.org/problems/document-refused", "Document refused", status,
                    refused.field() + " " + refused.reason(), List.of(refused.fieldError())).answer();
        }
    }

    public HttpAnswer list(String id) {
        if (authorizations.find(id).isEmpty()) {
            return AuthorizationApi.notFound(id);
        }
        return HttpAnswer.json(200, new DocumentList(id, documents.list(id)), Map.of());
    }

    /** The content as given, named the seed's way (19164R00145-1.pdf) for whoever saves it. */
    public HttpAnswer download(String id, String documentId) {
        long number;
        try {
            number = Long.parseLong(documentId);
        } catch (NumberFormatException e) {
            return noDocument(id, documentId);
        }
        if (authorizations.find(id).isEmpty()) {
            return AuthorizationApi.notFound(id);
        }
        return documents.find(id, number).flatMap(d -> documents.content(id, number).map(content -> new HttpAnswer(200,
                d.mediaType(), content, Map.of("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\""))))
                .orElseGet(() -> noDocument(id, documentId));
    }

    private static HttpAnswer noDocument(String id, String documentId) {
        return Problem.of(404, "not-found", "Not found", "Authorization " + id + " has no document " + documentId + ".").answer();
    }

    private static HttpAnswer refusal(int status, String slug, String title, String reason) {
        return new Problem("https://pa-gateway.org/problems/" + slug, title, status, reason,
                List.of(new Problem.FieldError("file", reason))).answer();
    }
}
