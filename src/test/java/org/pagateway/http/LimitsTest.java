package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.TestKeys;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a body may be, on the running gateway with the shipped limits: over its size it is refused 413 before it is
 * read (from its Content-Length) or while it streams (chunked); JSON with a text, number or field name too long is 400
 * saying which limit, and no JSON is read deeper than 32 levels; each refusal is problem+json.
 */
@ExtendWith(RunningGateway.class)
class LimitsTest {


    @Test
    void aBodyOverItsLimitIs413BeforeItIsRead() throws Exception {
        long json = RunningGateway.settings().security().jsonBodyBytes();
        // only the headers are sent: the answer comes from the Content-Length alone
        String sized = headersOnly("/api/v1/authorizations", "application/json", json + 1);
        assertTrue(sized.startsWith("HTTP/1.1 413"), sized);
        assertTrue(sized.contains("Content-Type: " + Problem.CONTENT_TYPE) && sized.contains("at most " + json + " bytes"), sized);

        // chunked: no Content-Length to refuse it by, so it is refused once it goes over
        byte[] big = new byte[(int) json + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<byte[]> streamed = RunningGateway.send(RunningGateway.withAdminKey(HttpRequest.newBuilder(
                RunningGateway.uri("/api/v1/authorizations"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertRefused(streamed, 413, "more than " + json + " bytes");

        // X12 has its own, larger limit, and the answer says where big batches go
        long x12 = RunningGateway.settings().security().x12BodyBytes();
        String batch = headersOnly("/x12/278", X12Api.X12, x12 + 1);
        assertTrue(batch.startsWith("HTTP/1.1 413") && batch.contains("inbox"), batch);
        // a size of JSON that would be too large is read as X12 (and answered as X12)
        byte[] sample = Samples.asNewInterchange(Samples.x12("02-referral-specialist.edi"));
        byte[] padded = Arrays.copyOf(sample, (int) json + 1);
        Arrays.fill(padded, sample.length, padded.length, (byte) '\n');
        HttpResponse<byte[]> read = RunningGateway.post("/x12/278", X12Api.X12, padded);
        assertEquals(200, read.statusCode());
        assertTrue(new String(read.body(), StandardCharsets.ISO_8859_1).contains("HCR*"));
    }

    @Test
    void jsonTooDeepOrTooLongIsRefusedSayingWhichLimit() throws Exception {
        // the records the bodies bind to refuse a nested value where they expect another at its first bracket, so the
        // depth limit is what holds for whatever reads a tree (and for whatever field may take one later)
        String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1);
        StreamConstraintsException tooDeep = assertThrows(StreamConstraintsException.class,
                () -> CanonicalJson.mapper().readTree(deep));
        assertTrue(tooDeep.getMessage().contains("nesting depth"), tooDeep.getMessage());
        CanonicalJson.mapper().readTree("[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH));
        assertRefused(post("{\"remarks\":\"" + "x".repeat(CanonicalJson.MAX_STRING + 1) + "\"}"), 400,
                "at most " + CanonicalJson.MAX_STRING + " characters");
        assertRefused(post("{\"quantity\":1" + "0".repeat(CanonicalJson.MAX_NUMBER + 1) + "}"), 400,
                "at most " + CanonicalJson.MAX_NUMBER + " digits");
        assertRefused(post("{\"" + "n".repeat(CanonicalJson.MAX_NAME + 1) + "\":1}"), 400,
                "field name is at most " + CanonicalJson.MAX_NAME);
        // the same on every JSON endpoint: they read their bodies one way
        assertRefused(RunningGateway.post("/api/v1/reviews/26001R99999/decision", "application/json",
                ("{\"reason\":\"" + "x".repeat(CanonicalJson.MAX_STRING + 1) + "\"}").getBytes(StandardCharsets.UTF_8)), 400,
                "at most " + CanonicalJson.MAX_STRING + " characters");
    }

    @Test
    void anIdempotencyKeyLongerThanAnyKeyIsRefused() throws Exception {
        HttpResponse<byte[]> answer = RunningGateway.send(RunningGateway.withAdminKey(HttpRequest.newBuilder(
                RunningGateway.uri("/api/v1/authorizations"))).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(201))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.bytes(Samples.json("02-referral-specialist.json")))).build());
        assertRefused(answer, 400, "Idempotency-Key");
    }

    /**
     * What Jetty itself would fail on before any route ran (a query it cannot decode, a form or multipart body where
     * none is taken) is a 4xx problem+json like every other refusal: never Jetty's HTML 500 page.
     */
    @Test
    void requestsJettyCannotParseAreRefusedAsProblems() throws Exception {
        String health = raw("GET /health?x=%zz", null, "", "");
        assertTrue(health.startsWith("HTTP/1.1 400") && health.contains(Problem.CONTENT_TYPE), health);
        String lookup = raw("GET /api/v1/authorizations?memberId=%zz", TestKeys.ADMIN, "", "");
        assertTrue(lookup.startsWith("HTTP/1.1 400") && lookup.contains("query string"), lookup);
        // whoever has no key learns nothing but that it needs one
        String anonymous = raw("GET /api/v1/authorizations?memberId=%zz", null, "", "");
        assertTrue(anonymous.startsWith("HTTP/1.1 401"), anonymous);

        String form = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{}\r\n--b--\r\n";
        String multipart = raw("POST /api/v1/authorizations", TestKeys.ADMIN, "multipart/form-data; boundary=b", form);
        assertTrue(multipart.startsWith("HTTP/1.1 400") && multipart.contains(Problem.CONTENT_TYPE), multipart);
        // the X12 endpoint reads whatever it is sent as X12, and a form is no interchange: TA1, rejected, 022
        String x12 = raw("POST /x12/278", TestKeys.ADMIN, "multipart/form-data; boundary=b", form);
        assertTrue(x12.startsWith("HTTP/1.1 200") && x12.contains("TA1*") && x12.contains("*R*022~"), x12);
        // a path no route serves is Jetty's to answer, and it answers the same way
        String nowhere = raw("GET /api/v1/nowhere", TestKeys.ADMIN, "", "");
        assertTrue(nowhere.startsWith("HTTP/1.1 404") && nowhere.contains(Problem.CONTENT_TYPE) && !nowhere.contains("<html"), nowhere);
        String urlEncoded = raw("POST /api/v1/authorizations", TestKeys.ADMIN, "application/x-www-form-urlencoded",
                "a=" + "b".repeat(300_000));
        assertTrue(urlEncoded.matches("(?s)HTTP/1.1 4\\d\\d .*") && urlEncoded.contains(Problem.CONTENT_TYPE), urlEncoded);
    }

    /** One request written as it goes on the wire, so that a query no URI class takes can be sent; the whole answer. */
    private static String raw(String requestLine, String key, String contentType, String body) throws Exception {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (key != null) {
            head.append("X-API-Key: ").append(key).append("\r\n");
        }
        if (!contentType.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        try (Socket socket = new Socket(RunningGateway.settings().httpHost(), RunningGateway.settings().httpPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<byte[]> post(String json) {
        return RunningGateway.post("/api/v1/authorizations", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST whose body is announced and never sent; the whole answer, as the gateway closes the connection after it. */
    private static String headersOnly(String path, String contentType, long contentLength) throws Exception {
        try (Socket socket = new Socket(RunningGateway.settings().httpHost(), RunningGateway.settings().httpPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestKeys.ADMIN + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(HttpResponse<byte[]> answer, int status, String saying) throws Exception {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(status, answer.statusCode(), text);
        assertEquals(Problem.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElse(""), text);
        JsonNode problem = CanonicalJson.mapper().readTree(answer.body());
        assertTrue(problem.get("detail").asText().contains(saying), text);
    }
}
