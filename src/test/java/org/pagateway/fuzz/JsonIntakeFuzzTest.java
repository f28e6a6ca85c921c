package org.pagateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.pagateway.http.AuthorizationApi;
import org.pagateway.http.HttpAnswer;
import org.pagateway.http.Problem;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Channel;
import org.pagateway.rules.DecisionEngine;
import org.pagateway.validation.RequestValidator;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile JSON (issue 7): whatever body arrives at POST /api/v1/authorizations, Jackson either refuses it (a
 * JsonProcessingException, or a CharConversionException for bad UTF-16/32: a 400) or gives a request that the
 * validator judges (a 422, or accepted). Nothing else may come out, and every refusal is a problem document in
 * JSON. An accepted request is decided and written back as the 201 body would be, without storing or queueing.
 */
class JsonIntakeFuzzTest {

    // the API's refusals never reach the intake or the store, so it runs here without them
    private static final AuthorizationApi API = new AuthorizationApi(null, null);
    private final RequestValidator validator = new RequestValidator();
    private final DecisionEngine decisions = new DecisionEngine();

    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest
    void everyJsonBodyIsAnsweredOrRefused(byte[] body) throws IOException {
        AuthorizationRequest request;
        try {
            request = body.length == 0 ? null : CanonicalJson.mapper().readValue(body, AuthorizationRequest.class);
        } catch (JsonProcessingException | CharConversionException e) {
            // CharConversionException: bytes Jackson takes for UTF-16/32 that are no such text; not a
            // JsonProcessingException, but the IOException the API answers with 400 "could not be read"
            assertRefused(body, Set.of(400));
            return;
        }
        if (request == null || !validator.validate(request).isEmpty()) {
            assertRefused(body, Set.of(400, 422));
            return;
        }
        Authorization accepted = new Authorization(GatewayAnswers.AUTHORIZATION_ID, Channel.JSON_HTTP, "fuzz", request,
                decisions.decide(request), Instant.EPOCH);
        JsonNode written = CanonicalJson.mapper().readTree(CanonicalJson.mapper().writeValueAsBytes(accepted));
        assertEquals(GatewayAnswers.AUTHORIZATION_ID, written.path("id").asText());
    }

    private static void assertRefused(byte[] body, Set<Integer> statuses) throws IOException {
        HttpAnswer answer = API.submit(body);
        assertTrue(statuses.contains(answer.status()), () -> "answered " + answer.status() + " " + answer.bodyText()
                + "\nfor:\n" + new String(body, StandardCharsets.UTF_8));
        assertEquals(Problem.CONTENT_TYPE, answer.contentType());
        JsonNode problem = CanonicalJson.mapper().readTree(answer.body());
        assertEquals(answer.status(), problem.path("status").asInt(), answer.bodyText());
        assertFalse(problem.path("title").asText().isEmpty(), answer.bodyText());
    }
}
