package org.pagateway.http;

import java.util.Map;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** An HTTP answer from a bean, written to the wire by {@link HttpAnswerWriter}: status, content type, body, headers. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, contentType, body, Map.of());
    }

    /** A value in the canonical JSON form. */
    public static HttpAnswer json(int status, Object value, Map<String, String> headers) {
        try {
            return new HttpAnswer(status, "application/json", CanonicalJson.mapper().writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical model not serializable", e);
        }
    }

    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
