package org.pagateway.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.pagateway.http.HttpAnswer;
import org.pagateway.http.JsonBody;
import org.pagateway.http.Problem;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.model.Disposition;
import org.pagateway.validation.RequestValidator;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile JSON (issue 7): whatever body arrives at POST /api/v1/authorizations, Jackson either refuses it (a
 * JsonProcessingException, or a CharConversionException for bad UTF-16/32: a 400) or gives a request that the
 * validator judges (a 422) and the rules decide (a 422 rejection, or a 201 with the authorization). Nothing else may
 * be thrown, and every answer is JSON. The steps are AuthorizationApi.submit's, without storing or queueing.
 */
class JsonIntakeFuzzTest {

    private static final String WHAT = "an authorization request";
    private final RequestValidator validator = new RequestValidator();

    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest
    void everyJsonBodyIsAnsweredOrRefused(byte[] body) throws IOException {
        AuthorizationRequest request;
        try {
            request = body.length == 0 ? null : CanonicalJson.mapper().readValue(body, AuthorizationRequest.class);
        } catch (JsonProcessingException | CharConversionException e) {
            // CharConversionException: bytes Jackson takes for UTF-16/32 that are no such text; not a
            // JsonProcessingException, but the IOException the API answers with 400 "could not be read"
            assertProblem(JsonBody.read(body, AuthorizationRequest.class, WHAT).problem(), 400);
            return;
        }
        JsonBody<AuthorizationRequest> parsed = JsonBody.read(body, AuthorizationRequest.class, WHAT);
        if (request == null) {
            assertProblem(parsed.problem(), 400);
            return;
        }
        assertNull(parsed.problem(), "the API refused what Jackson read");
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            assertProblem(new Problem("https://pa-gateway.org/problems/validation", "Invalid authorization request", 422,
                    errors.size() + " field(s) are not acceptable", errors).answer(), 422);
            return;
        }
        Disposition disposition = GatewayAnswers.dispose(request);
        if (disposition.decision().rejected()) {
            List<Problem.FieldError> why = disposition.decision().rejections().stream()
                    .map(r -> new Problem.FieldError(r.field(), r.reason())).toList();
            assertFalse(why.isEmpty(), "a rejection must say why");
            assertProblem(new Problem("https://pa-gateway.org/problems/rejected", "Authorization request rejected", 422,
                    "rejected", why).answer(), 422);
            return;
        }
        assertNotNull(disposition.primary(), "an accepted request makes an authorization");
        HttpAnswer created = HttpAnswer.json(201, disposition.primary(), Map.of());
        JsonNode written = CanonicalJson.mapper().readTree(created.body());
        assertEquals(GatewayAnswers.AUTHORIZATION_ID, written.path("id").asText());
    }

    private static void assertProblem(HttpAnswer answer, int status) throws IOException {
        assertNotNull(answer, "no problem answer");
        assertEquals(status, answer.status(), answer.bodyText());
        assertEquals(Problem.CONTENT_TYPE, answer.contentType());
        JsonNode problem = CanonicalJson.mapper().readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), answer.bodyText());
        assertFalse(problem.path("title").asText().isEmpty(), answer.bodyText());
    }
}
