package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.security.Permission;
import org.pagateway.support.MultipartForm;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.SampleDocuments;
import org.pagateway.support.Samples;
import org.pagateway.support.TestKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who may call what, for every endpoint the running gateway serves (read from its CamelContext's REST definitions, so
 * an endpoint added without a rule fails here): no key or a wrong one is 401 with WWW-Authenticate, another site's
 * authorization is 404 exactly as one that does not exist, the reviewer's and the operators' endpoints are 403 for a
 * client. And what a client of some sites finds, submits and revises.
 */
@ExtendWith(RunningGateway.class)
class AccessControlTest {

    /** An authorization of LAKESIDE (the admission), which riverbend-lakeside may act for and northgate may not. */
    private static String lakeside;

    @BeforeAll
    static void anAuthorizationOfLakeside() throws Exception {
        lakeside = id(RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("03-admission-inpatient.json")), TestKeys.RIVERBEND_LAKESIDE));
    }

    record Endpoint(String method, String template, Permission permission) {

        String path(String id) {
            return template.replace("{id}", id).replace("{docId}", "1");
        }

        boolean namesAnAuthorization() {
            return template.contains("{id}");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static List<Endpoint> served() {
        List<Endpoint> endpoints = new ArrayList<>();
        ModelCamelContext camel = (ModelCamelContext) RunningGateway.gateway().camelContext();
        for (RestDefinition rest : camel.getRestDefinitions()) {
            String base = rest.getPath() == null ? "" : rest.getPath();
            for (VerbDefinition verb : rest.getVerbs()) {
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                String template = base + verb.getPath();
                endpoints.add(new Endpoint(method, template, AccessControl.rule(method, template).orElse(null)));
            }
        }
        return endpoints;
    }

    @Test
    void everyServedEndpointHasARule() {
        List<Endpoint> endpoints = served();
        assertTrue(endpoints.size() >= 14, endpoints.toString());
        assertEquals(List.of(), endpoints.stream().filter(e -> e.permission() == null).toList(),
                "endpoints without a rule in AccessControl.RULES (then only an admin may call them)");
        Set<String> open = new TreeSet<>();
        endpoints.stream().filter(e -> e.permission() == Permission.OPEN).forEach(e -> open.add(e.toString()));
        assertEquals(Set.of("GET /health", "GET /openapi.json"), open, "only what a load balancer needs, and the description");
    }

    @Test
    void withoutAKeyOrWithAWrongOneEveryEndpointButTheOpenOnesIs401() {
        for (Endpoint endpoint : served()) {
            for (String key : new String[] { null, "pgw_not-a-key-of-this-gateway" }) {
                HttpResponse<byte[]> answer = call(endpoint, lakeside, key);
                if (endpoint.permission() == Permission.OPEN) {
                    assertEquals(200, answer.statusCode(), endpoint + " is open");
                    continue;
                }
                assertEquals(401, answer.statusCode(), endpoint + " with key " + key + ": " + text(answer));
                assertProblem(answer, 401);
                String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
                assertTrue(challenge.startsWith("Bearer realm=\"pa-gateway\""), endpoint + ": " + challenge);
                assertEquals(key != null, challenge.contains("invalid_token"), endpoint + ": " + challenge);
            }
        }
    }

    @Test
    void anotherSitesAuthorizationIsNotFoundExactlyAsOneThatDoesNotExist() {
        String missing = "26001R99999";
        List<Endpoint> byId = served().stream().filter(Endpoint::namesAnAuthorization)
                .filter(e -> e.permission() == Permission.READ || e.permission() == Permission.REVISE).toList();
        assertTrue(byId.size() >= 8, byId.toString());
        for (Endpoint endpoint : byId) {
            HttpResponse<byte[]> other = call(endpoint, lakeside, TestKeys.NORTHGATE);
            HttpResponse<byte[]> none = call(endpoint, missing, TestKeys.NORTHGATE);
            assertEquals(404, other.statusCode(), endpoint + ": " + text(other));
            assertProblem(other, 404);
            assertEquals(text(none).replace(missing, lakeside), text(other), endpoint + ": the ID must tell nothing");

            // the same call by a client of the authorization's site is not refused by access control
            HttpResponse<byte[]> own = call(endpoint, lakeside, TestKeys.RIVERBEND_LAKESIDE);
            assertFalse(Set.of(401, 403, 429).contains(own.statusCode()), endpoint + ": " + text(own));
            assertFalse(text(own).contains("No authorization " + lakeside), endpoint + ": " + text(own));
        }
    }

    @Test
    void decisionsOperationsAndMetricsNeedTheirRoles() {
        List<Endpoint> guarded = served().stream().filter(e -> Set.of(Permission.DECIDE, Permission.OPERATE,
                Permission.MONITOR).contains(e.permission())).toList();
        assertFalse(guarded.isEmpty());
        for (Endpoint endpoint : guarded) {
            for (String client : new String[] { TestKeys.RIVERBEND_LAKESIDE, TestKeys.NORTHGATE }) {
                HttpResponse<byte[]> answer = call(endpoint, lakeside, client);
                assertEquals(403, answer.statusCode(), endpoint + ": " + text(answer));
                assertProblem(answer, 403);
            }
            HttpResponse<byte[]> reviewer = call(endpoint, lakeside, TestKeys.REVIEWER);
            assertEquals(endpoint.permission() == Permission.DECIDE, reviewer.statusCode() != 403, endpoint + ": " + text(reviewer));
            HttpResponse<byte[]> monitor = call(endpoint, lakeside, TestKeys.MONITOR);
            assertEquals(endpoint.permission() == Permission.MONITOR, monitor.statusCode() != 403, endpoint + ": " + text(monitor));
            HttpResponse<byte[]> admin = call(endpoint, lakeside, TestKeys.ADMIN);
            assertNotEquals(403, admin.statusCode(), endpoint + ": " + text(admin));
        }
        // a monitor's key reads no authorization
        assertEquals(403, RunningGateway.get("/api/v1/authorizations/" + lakeside, TestKeys.MONITOR).statusCode());
        // the operators' endpoints, whatever their method, and an endpoint without a rule: an admin's only
        assertEquals(Optional.of(Permission.OPERATE), AccessControl.rule("POST", "/admin/dead-letters/replay"));
        assertEquals(Optional.of(Permission.OPERATE), AccessControl.rule("GET", "/admin/queues"));
        assertEquals(Optional.empty(), AccessControl.rule("GET", "/api/v2/anything"));
    }

    @Test
    void aReviewerReadsEverySiteButSubmitsNothing() {
        assertEquals(200, RunningGateway.get("/api/v1/authorizations/" + lakeside, TestKeys.REVIEWER).statusCode());
        HttpResponse<byte[]> submit = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("01-outpatient-surgical-sdc.json")), TestKeys.REVIEWER);
        assertEquals(403, submit.statusCode(), text(submit));
    }

    @Test
    void aClientFindsItsOwnSitesAuthorizationsOnly() throws Exception {
        // the same member at two sites: LAKESIDE's admission (above), and the same admission asked by NORTHGATE
        ObjectNode admission = (ObjectNode)
                CanonicalJson.mapper().readTree(Samples.bytes(Samples.json("03-admission-inpatient.json")));
        ((ObjectNode) admission.get("requester")).put("id", "1588203640")
                .put("lastOrOrganizationName", "NORTHGATE ORTHOPEDIC ASSOCIATES");
        String northgate = id(RunningGateway.post("/api/v1/authorizations", "application/json",
                CanonicalJson.mapper().writeValueAsBytes(admission), TestKeys.NORTHGATE));
        String member = memberOf(northgate);
        assertEquals(member, memberOf(lakeside));
        Set<String> asAdmin = found("/api/v1/authorizations?memberId=" + member + "&limit=500", TestKeys.ADMIN);
        Set<String> asNorthgate = found("/api/v1/authorizations?memberId=" + member + "&limit=500", TestKeys.NORTHGATE);
        Set<String> asRiverbend = found("/api/v1/authorizations?memberId=" + member + "&limit=500", TestKeys.RIVERBEND_LAKESIDE);
        assertTrue(asAdmin.containsAll(asNorthgate) && asAdmin.containsAll(asRiverbend));
        assertTrue(asNorthgate.contains(northgate) && !asNorthgate.contains(lakeside), asNorthgate.toString());
        assertTrue(asRiverbend.contains(lakeside) && !asRiverbend.contains(northgate), asRiverbend.toString());
        for (String id : asNorthgate) {
            assertEquals("NORTHGATE", siteOf(id), id);
        }
        for (String id : asRiverbend) {
            assertTrue(Set.of("RIVERBEND", "LAKESIDE").contains(siteOf(id)), id);
        }
        // a site lookup for another site finds nothing, and says nothing about it
        assertEquals(Set.of(), found("/api/v1/authorizations?site=LAKESIDE", TestKeys.NORTHGATE));
        assertTrue(found("/api/v1/authorizations?site=LAKESIDE", TestKeys.RIVERBEND_LAKESIDE).contains(lakeside));
    }

    @Test
    void aClientSubmitsForItsOwnSitesRequestersOnly() throws Exception {
        // JSON: RIVERBEND FAMILY MEDICINE asks; northgate may not ask in its name
        byte[] riverbend = Samples.bytes(Samples.json("02-referral-specialist.json"));
        HttpResponse<byte[]> refused = RunningGateway.post("/api/v1/authorizations", "application/json", riverbend,
                TestKeys.NORTHGATE);
        assertEquals(403, refused.statusCode(), text(refused));
        assertProblem(refused, 403);
        assertEquals("requester.id", CanonicalJson.mapper().readTree(refused.body()).at("/errors/0/field").asText());
        assertEquals(201, RunningGateway.post("/api/v1/authorizations", "application/json", riverbend,
                TestKeys.RIVERBEND_LAKESIDE).statusCode());

        // X12: the same, refused whole before anything of it is taken
        int before = RunningGateway.gateway().store().count();
        HttpResponse<byte[]> x12 = RunningGateway.post("/x12/278", X12Api.X12,
                Samples.asNewInterchange(Samples.x12("02-referral-specialist.edi")), TestKeys.NORTHGATE);
        assertEquals(403, x12.statusCode(), text(x12));
        assertProblem(x12, 403);
        assertEquals(before, RunningGateway.gateway().store().count(), "nothing of a refused input is stored");
        HttpResponse<byte[]> own = RunningGateway.post("/x12/278", X12Api.X12,
                Samples.asNewInterchange(Samples.x12("01-outpatient-surgical-sdc.edi")), TestKeys.NORTHGATE);
        assertEquals(200, own.statusCode(), text(own));
        assertTrue(text(own).contains("HCR*"), text(own));
    }

    @Test
    void aClientCannotReviseAnotherSitesAuthorizationInX12Either() {
        String revision = new String(Samples.bytes(Samples.x12("01-outpatient-surgical-sdc.edi")), StandardCharsets.ISO_8859_1);
        // a NORTHGATE request made a revision (UM02 S) of LAKESIDE's authorization, by its REF*BB
        int um = revision.indexOf("~UM*");
        int end = revision.indexOf('~', um + 1);
        String[] umElements = revision.substring(um + 1, end).split("\\*", -1);
        umElements[2] = "S";
        String revised = revision.substring(0, um + 1) + String.join("*", umElements) + "~REF*BB*" + lakeside
                + revision.substring(end);
        revised = revised.replaceFirst("SE\\*(\\d+)\\*", "SE*" + (segmentCount(revised)) + "*");
        HttpResponse<byte[]> answer = RunningGateway.post("/x12/278", X12Api.X12,
                Samples.asNewInterchange(revised.getBytes(StandardCharsets.ISO_8859_1)), TestKeys.NORTHGATE);
        assertEquals(404, answer.statusCode(), text(answer));
        assertTrue(text(answer).contains("No authorization " + lakeside), text(answer));
    }

    @Test
    void aClientsIdempotencyKeysAreItsOwn() throws Exception {
        String key = "shared-key-" + System.nanoTime();
        HttpResponse<byte[]> first = send(HttpRequest.newBuilder(RunningGateway.uri("/api/v1/authorizations"))
                .header("Idempotency-Key", key), Samples.bytes(Samples.json("02-referral-specialist.json")),
                TestKeys.RIVERBEND_LAKESIDE);
        HttpResponse<byte[]> other = send(HttpRequest.newBuilder(RunningGateway.uri("/api/v1/authorizations"))
                .header("Idempotency-Key", key), Samples.bytes(Samples.json("01-outpatient-surgical-sdc.json")),
                TestKeys.NORTHGATE);
        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(RunningGateway.uri("/api/v1/authorizations"))
                .header("Idempotency-Key", key), Samples.bytes(Samples.json("02-referral-specialist.json")),
                TestKeys.RIVERBEND_LAKESIDE);
        assertEquals(201, first.statusCode(), text(first));
        assertEquals(201, other.statusCode(), text(other));
        assertNotEquals(id(first), id(other), "another client's key finds nothing of the first");
        assertEquals(id(first), id(again), "the client's own resend gets its first answer");
    }

    @Test
    void theKeyMayComeAsXApiKeyButNotAsTwoDifferentKeys() {
        String path = "/api/v1/authorizations/" + lakeside;
        assertEquals(200, RunningGateway.send(HttpRequest.newBuilder(RunningGateway.uri(path))
                .header("X-API-Key", TestKeys.RIVERBEND_LAKESIDE).GET().build()).statusCode());
        assertEquals(200, RunningGateway.send(HttpRequest.newBuilder(RunningGateway.uri(path))
                .header("X-API-Key", TestKeys.ADMIN).header("Authorization", "Bearer " + TestKeys.ADMIN).GET().build())
                .statusCode());
        HttpResponse<byte[]> two = RunningGateway.send(HttpRequest.newBuilder(RunningGateway.uri(path))
                .header("X-API-Key", TestKeys.NORTHGATE).header("Authorization", "Bearer " + TestKeys.ADMIN).GET().build());
        assertEquals(401, two.statusCode(), text(two));
        HttpResponse<byte[]> basic = RunningGateway.send(HttpRequest.newBuilder(RunningGateway.uri(path))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build());
        assertEquals(401, basic.statusCode(), text(basic));
    }

    /** The endpoint called with a body it can take (or at least read), as the client with {@code key}. */
    private static HttpResponse<byte[]> call(Endpoint endpoint, String id, String key) {
        String path = endpoint.path(id);
        if (endpoint.method().equals("GET")) {
            return RunningGateway.get(path, key);
        }
        if (endpoint.template().endsWith("/documents")) {
            MultipartForm form = new MultipartForm().field("description", "notes").file("file", "n.pdf", "application/pdf",
                    SampleDocuments.pdf(id));
            return RunningGateway.post(path, form.contentType(), form.bytes(), key);
        }
        if (endpoint.template().equals("/x12/278")) {
            return RunningGateway.post(path, X12Api.X12, "ISA".getBytes(StandardCharsets.US_ASCII), key);
        }
        // JSON endpoints: an empty object is read and refused for its fields, after access was granted
        return RunningGateway.post(path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), key);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, byte[] json, String key) {
        return RunningGateway.send(request.header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private static void assertProblem(HttpResponse<byte[]> answer, int status) {
        assertEquals(Problem.CONTENT_TYPE, answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        try {
            JsonNode problem = CanonicalJson.mapper().readTree(answer.body());
            assertEquals(status, problem.get("status").asInt());
            assertFalse(problem.get("detail").asText().isBlank());
        } catch (java.io.IOException e) {
            throw new AssertionError(text(answer), e);
        }
    }

    private static Set<String> found(String lookup, String key) throws Exception {
        HttpResponse<byte[]> answer = RunningGateway.get(lookup, key);
        assertEquals(200, answer.statusCode(), text(answer));
        Set<String> ids = new TreeSet<>();
        CanonicalJson.mapper().readTree(answer.body()).get("authorizations").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String siteOf(String id) {
        return RunningGateway.gateway().store().requesterSite(id).orElse(null);
    }

    private static String memberOf(String id) {
        return RunningGateway.gateway().store().find(id).orElseThrow().request().subscriber().memberId();
    }

    private static int segmentCount(String x12) {
        int st = x12.indexOf("ST*278");
        int se = x12.indexOf("~SE*", st);
        return x12.substring(st, se + 1).split("~").length + 1;
    }

    private static String id(HttpResponse<byte[]> created) throws Exception {
        assertEquals(201, created.statusCode(), text(created));
        return CanonicalJson.mapper().readTree(created.body()).get("id").asText();
    }

    private static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
