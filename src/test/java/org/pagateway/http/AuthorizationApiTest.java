package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.ExpectedDecisions;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.JsonNode;

/** POST and GET /api/v1/authorizations on a running gateway. */
@ExtendWith(RunningGateway.class)
class AuthorizationApiTest {

    static Stream<Path> twins() {
        return Samples.list(Samples.ROOT.resolve("json"), ".json").stream();
    }

    /** Each JSON twin gets the decision samples/expected-decisions.tsv gives its X12 request, as JSON. */
    @ParameterizedTest
    @MethodSource("twins")
    void everyJsonSampleGetsItsDecisionAndCanBeFetched(Path sample) throws Exception {
        ExpectedDecisions.Row expected = ExpectedDecisions.bySample().get(sample.getFileName().toString().replace(".json", "")).get(0);
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json", Samples.bytes(sample));
        JsonNode body = CanonicalJson.mapper().readTree(created.body());
        if (expected.outcome().equals("REJECTED")) {
            // a rejection is a field error, at the field the 278 would have put its AAA under
            assertEquals(422, created.statusCode());
            assertEquals("https://pa-gateway.org/problems/rejected", body.get("type").asText());
            assertTrue(body.get("errors").size() > 0, body.toString());
            return;
        }
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        String id = body.get("id").asText();
        assertTrue(id.matches("\\d{5}R\\d{5}"), id);
        assertEquals(expected.outcome(), body.at("/decision/outcome").asText());
        assertEquals(expected.status(), body.at("/decision/status").asText());
        assertEquals(expected.action(), body.at("/decision/actionCode").asText());
        assertEquals(expected.queue(), body.at("/decision/reviewQueue").asText("-").isEmpty() ? "-"
                : body.at("/decision/reviewQueue").asText("-"));
        if (expected.status().equals("PEND") || expected.status().equals("MEDREVIEW")) {
            assertTrue(body.at("/decision/faxNotice").asText().contains("617-586-1700"));
        }
        assertEquals("/api/v1/authorizations/" + id, created.headers().firstValue("Location").orElseThrow());

        HttpResponse<byte[]> fetched = RunningGateway.get("/api/v1/authorizations/" + id);
        assertEquals(200, fetched.statusCode());
        JsonNode stored = CanonicalJson.mapper().readTree(fetched.body());
        assertEquals(body.get("request"), stored.get("request"));
        if (body.at("/decision/relatedAuthorizationIds").isEmpty()) {
            assertEquals(CanonicalJson.mapper().readTree(Samples.bytes(sample)), stored.get("request"), "stored as sent");
        }
    }

    @Test
    void aSurgicalDayCareAnswersWithTheFirstAuthorizationNamingTheSecond() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("01-outpatient-surgical-sdc.json")));
        assertEquals(201, created.statusCode());
        JsonNode first = CanonicalJson.mapper().readTree(created.body());
        String second = first.at("/decision/relatedAuthorizationIds/0").asText();
        assertTrue(first.at("/request/remarks").asText().endsWith("Second authorization " + second + "."));
        assertEquals("FACILITY", first.at("/request/servicingProviders/0/role").asText());
        JsonNode other = CanonicalJson.mapper().readTree(RunningGateway.get("/api/v1/authorizations/" + second).body());
        assertEquals(first.get("id").asText(), other.at("/decision/relatedAuthorizationIds/0").asText());
        assertEquals("SURGEON", other.at("/request/servicingProviders/0/role").asText());
        assertEquals("review.medical.surgical", other.at("/decision/reviewQueue").asText());
    }

    @Test
    void aRejectedRequestNamesTheFieldAndIsNotStored() throws Exception {
        int before = RunningGateway.gateway().store().count();
        HttpResponse<byte[]> response = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("33-termed-member.json")));
        assertEquals(422, response.statusCode());
        JsonNode problem = CanonicalJson.mapper().readTree(response.body());
        assertEquals("subscriber.memberId", problem.at("/errors/0/field").asText());
        assertTrue(problem.at("/errors/0/reason").asText().contains("coverage ended 2026-06-30"), problem.toString());
        assertEquals(before, RunningGateway.gateway().store().count());
    }

    @Test
    void brokenFieldsAreEachNamedWithTheirReason() throws Exception {
        HttpResponse<byte[]> response = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("broken/01-bad-phone-and-dates.json")));
        assertEquals(422, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = CanonicalJson.mapper().readTree(response.body());
        Set<String> fields = Stream.of(problem.get("errors").elements()).flatMap(it -> {
            List<JsonNode> all = new java.util.ArrayList<>();
            it.forEachRemaining(all::add);
            return all.stream();
        }).map(e -> e.get("field").asText()).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("requester.contact.phone", "diagnoses", "serviceDates", "remarks")), fields.toString());
    }

    @Test
    void malformedJsonIsA400NamingWhere() throws Exception {
        HttpResponse<byte[]> response = RunningGateway.post("/api/v1/authorizations", "application/json",
                "{\"category\": \"HEALTH_SERVICES_REVIEW\",".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.statusCode());
        JsonNode problem = CanonicalJson.mapper().readTree(response.body());
        assertTrue(problem.get("detail").asText().contains("not well-formed"), problem.toString());
        assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("at com."), "no stack trace");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreA400NamingTheField() throws Exception {
        JsonNode badEnum = CanonicalJson.mapper().readTree(RunningGateway.post("/api/v1/authorizations", "application/json",
                "{\"category\": \"SOMETHING\"}".getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("category", badEnum.at("/errors/0/field").asText());
        JsonNode unknown = CanonicalJson.mapper().readTree(RunningGateway.post("/api/v1/authorizations", "application/json",
                "{\"subscriber\": {\"memberNumber\": \"X\"}}".getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("subscriber.memberNumber", unknown.at("/errors/0/field").asText());
    }

    @Test
    void anUnknownIdIs404() {
        assertEquals(404, RunningGateway.get("/api/v1/authorizations/00000R00000").statusCode());
    }
}
