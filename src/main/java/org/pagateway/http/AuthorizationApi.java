package org.pagateway.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.pagateway.intake.AuthorizationIntake;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.validation.RequestValidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** POST /api/v1/authorizations and GET /api/v1/authorizations/{id}: JSON in, canonical model, JSON out. */
public final class AuthorizationApi {

    private static final String JSON = "application/json";

    private final AuthorizationIntake intake;
    private final AuthorizationStore store;
    private final RequestValidator validator = new RequestValidator();

    public AuthorizationApi(AuthorizationIntake intake, AuthorizationStore store) {
        this.intake = intake;
        this.store = store;
    }

    public HttpAnswer submit(byte[] body) {
        if (body == null || body.length == 0) {
            return Problem.of(400, "bad-json", "Bad JSON", "The body is empty; send a JSON authorization request.").answer();
        }
        AuthorizationRequest request;
        try {
            request = CanonicalJson.mapper().readValue(body, AuthorizationRequest.class);
        } catch (JsonProcessingException e) {
            return badJson(e);
        } catch (IOException e) {
            return Problem.of(400, "bad-json", "Bad JSON", "The body could not be read.").answer();
        }
        if (request == null) {
            return Problem.of(400, "bad-json", "Bad JSON", "The body is JSON null; send an authorization request.").answer();
        }
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            return new Problem("https://pa-gateway.org/problems/validation", "Invalid authorization request", 422,
                    errors.size() + " field(s) are not acceptable", errors).answer();
        }
        Disposition disposition = intake.accept(List.of(request), Channel.JSON_HTTP, "http").get(0);
        if (disposition.decision().rejected()) {
            List<Problem.FieldError> rejected = disposition.decision().rejections().stream()
                    .map(r -> new Problem.FieldError(r.field(), r.reason())).toList();
            return new Problem("https://pa-gateway.org/problems/rejected", "Authorization request rejected", 422,
                    "The payer cannot process this request as sent; nothing was stored.", rejected).answer();
        }
        Authorization authorization = disposition.primary();
        return json(201, authorization, Map.of("Location", "/api/v1/authorizations/" + authorization.id()));
    }

    public HttpAnswer find(String id) {
        return store.find(id).map(a -> json(200, a, Map.of()))
                .orElseGet(() -> Problem.of(404, "not-found", "Not found", "No authorization " + id + ".").answer());
    }

    private static HttpAnswer badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            reason = "is not a field of an authorization request";
        } else if (e instanceof JsonMappingException) {
            reason = "has a value of the wrong type or format: " + e.getOriginalMessage().replaceAll("\\R.*", "");
        } else {
            reason = "the body is not well-formed JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")";
        }
        return new Problem("https://pa-gateway.org/problems/bad-json", "Bad JSON", 400, reason,
                List.of(new Problem.FieldError(field == null || field.isEmpty() ? "$" : field, reason))).answer();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpAnswer json(int status, Object value, Map<String, String> headers) {
        try {
            return new HttpAnswer(status, JSON, CanonicalJson.mapper().writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
