package org.pagateway.http;

import java.util.List;
import java.util.Map;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** RFC 9457 problem details, with one entry per bad field: the form of every refusal the HTTP API gives. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public record FieldError(String field, String reason) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public HttpAnswer answer() {
        return answer(Map.of());
    }

    public HttpAnswer answer(Map<String, String> headers) {
        try {
            return new HttpAnswer(status, CONTENT_TYPE, CanonicalJson.mapper().writeValueAsBytes(this), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("https://pa-gateway.org/problems/" + slug, title, status, detail, List.of());
    }
}
