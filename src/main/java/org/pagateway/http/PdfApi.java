package org.pagateway.http;

import java.util.List;
import java.util.Map;

import org.pagateway.fax.FaxCover;
import org.pagateway.fax.FaxCoverSheet;
import org.pagateway.fax.SummaryReport;
import org.pagateway.rules.PayerProfile;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.DocumentStore;

/**
 * An authorization on paper: GET .../fax-cover, the seed's fax cover sheet to send clinicals behind, and GET
 * .../summary, the one-page summary report a provider downloads after submitting.
 */
public final class PdfApi {

    public static final String PDF = "application/pdf";
    /** What the cover says is enclosed when the provider does not say. */
    public static final String DEFAULT_CONTENTS = "Clinical notes";
    private static final int MAX_CONTENTS = 200;

    private final AuthorizationStore store;
    private final DocumentStore documents;
    private final PayerProfile profile;

    public PdfApi(AuthorizationStore store, DocumentStore documents, PayerProfile profile) {
        this.store = store;
        this.documents = documents;
        this.profile = profile;
    }

    /** @param contents what the provider encloses, printed under Contents (at most 200 characters) */
    public HttpAnswer faxCover(String id, String contents) {
        String enclosed = contents == null || contents.isBlank() ? DEFAULT_CONTENTS : contents.strip();
        if (enclosed.length() > MAX_CONTENTS) {
            return new Problem("https://pa-gateway.org/problems/bad-lookup", "Bad query parameter", 400,
                    "contents is longer than " + MAX_CONTENTS + " characters",
                    List.of(new Problem.FieldError("contents", "is at most " + MAX_CONTENTS + " characters"))).answer();
        }
        return store.find(id).map(a -> pdf(FaxCoverSheet.render(FaxCover.of(a, profile, enclosed)), id + "-fax-cover.pdf"))
                .orElseGet(() -> AuthorizationApi.notFound(id));
    }

    public HttpAnswer summary(String id) {
        return store.find(id).map(a -> pdf(SummaryReport.render(a, documents.list(id), profile.payer().zone()),
                id + "-summary.pdf")).orElseGet(() -> AuthorizationApi.notFound(id));
    }

    private static HttpAnswer pdf(byte[] content, String fileName) {
        return new HttpAnswer(200, PDF, content, Map.of("Content-Disposition", "inline; filename=\"" + fileName + "\""));
    }
}
