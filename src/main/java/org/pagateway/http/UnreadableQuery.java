package org.pagateway.http;

/**
 * In place of a request whose query string cannot be decoded (a stray %, bad UTF-8): Jetty would fail on it with an
 * HTML 500 before any route ran; the access gate answers 400 instead.
 */
public record UnreadableQuery() implements UnreadRequest {

    @Override
    public HttpAnswer answer() {
        return Problem.of(400, "bad-query", "Query string unreadable",
                "The query string cannot be decoded: percent-encode it as UTF-8 (a % must be followed by two hex digits).")
                .answer();
    }
}
