package org.pagateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.pagateway.intake.AuthorizationIntake;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.store.DocumentStore;
import org.pagateway.validation.RequestValidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** POST /api/v1/authorizations and GET /api/v1/authorizations/{id}: JSON in, canonical model, JSON out. */
public final class AuthorizationApi {

    private static final String JSON = "application/json";

    private final AuthorizationIntake intake;
    private final AuthorizationStore store;
    private final DocumentStore documents;
    private final RequestValidator validator = new RequestValidator();

    public AuthorizationApi(AuthorizationIntake intake, AuthorizationStore store, DocumentStore documents) {
        this.intake = intake;
        this.store = store;
        this.documents = documents;
    }

    /** A resend with the same Idempotency-Key gets the first answer and makes no second authorization. */
    public HttpAnswer submit(byte[] body, String idempotencyKey) {
        JsonBody<AuthorizationRequest> parsed = JsonBody.read(body, AuthorizationRequest.class, "an authorization request");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        AuthorizationRequest request = parsed.value();
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            return new Problem("https://pa-gateway.org/problems/validation", "Invalid authorization request", 422,
                    errors.size() + " field(s) are not acceptable", errors).answer();
        }
        Disposition disposition = intake.accept(List.of(request), Channel.JSON_HTTP, "http", idempotencyKey).get(0);
        if (disposition.decision().rejected()) {
            List<Problem.FieldError> rejected = disposition.decision().rejections().stream()
                    .map(r -> new Problem.FieldError(r.field(), r.reason())).toList();
            return new Problem("https://pa-gateway.org/problems/rejected", "Authorization request rejected", 422,
                    "The payer cannot process this request as sent; nothing was stored.", rejected).answer();
        }
        Authorization authorization = disposition.primary();
        return json(201, authorization, Map.of("Location", "/api/v1/authorizations/" + authorization.id()));
    }

    /** One authorization with its service lines, decision, documents and history. */
    public HttpAnswer find(String id) {
        return store.find(id).map(a -> {
            ObjectNode view = CanonicalJson.mapper().valueToTree(a);
            view.set("documents", CanonicalJson.mapper().valueToTree(documents.list(id)));
            view.set("history", CanonicalJson.mapper().valueToTree(store.history(id)));
            return json(200, view, Map.of());
        }).orElseGet(() -> notFound(id));
    }

    /** The 278 response of the latest review decision, for clients that submitted X12 or want it as X12. */
    public HttpAnswer response(String id) {
        if (store.find(id).isEmpty()) {
            return notFound(id);
        }
        return store.response(id)
                .map(x12 -> new HttpAnswer(200, X12Api.X12, x12.getBytes(StandardCharsets.US_ASCII), Map.of()))
                .orElseGet(() -> Problem.of(404, "no-response", "No decision yet",
                        "Authorization " + id + " has no review decision yet; its first answer was the one given at submission.")
                        .answer());
    }

    static HttpAnswer notFound(String id) {
        return Problem.of(404, "not-found", "Not found", "No authorization " + id + ".").answer();
    }

    private static HttpAnswer json(int status, Object value, Map<String, String> headers) {
        try {
            return new HttpAnswer(status, JSON, CanonicalJson.mapper().writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
