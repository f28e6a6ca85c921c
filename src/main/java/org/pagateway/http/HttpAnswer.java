package org.pagateway.http;

import java.util.Map;

/** An HTTP answer from a bean, written to the wire by {@link HttpAnswerWriter}: status, content type, body, headers. */
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return new HttpAnswer(status, contentType, body, Map.of());
    }

    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
