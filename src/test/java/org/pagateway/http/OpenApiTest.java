package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.MultipartForm;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.SampleDocuments;
import org.pagateway.support.Samples;
import org.pagateway.support.TestKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * GET /openapi.json is kept true: every path and method Camel serves is described and every described one is served
 * (read from the running CamelContext's REST definitions), and real answers of the running gateway validate
 * against the schemas the document gives them (networknt json-schema-validator, OpenAPI 3.1 dialect).
 */
@ExtendWith(RunningGateway.class)
class OpenApiTest {

    private static final String DOCUMENT = "https://pa-gateway.org/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static JsonNode openApi;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void readTheServedDocument() throws Exception {
        HttpResponse<byte[]> served = RunningGateway.get("/openapi.json");
        assertEquals(200, served.statusCode());
        assertEquals("application/json", served.headers().firstValue("Content-Type").orElse(""));
        openApi = CanonicalJson.mapper().readTree(served.body());
        String text = new String(served.body(), StandardCharsets.UTF_8);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT, text)));
    }

    @Test
    void everyServedPathAndMethodIsDescribedAndEveryDescribedOneIsServed() {
        Set<String> served = new TreeSet<>();
        ModelCamelContext camel = (ModelCamelContext) RunningGateway.gateway().camelContext();
        for (RestDefinition rest : camel.getRestDefinitions()) {
            String base = rest.getPath() == null ? "" : rest.getPath();
            for (VerbDefinition verb : rest.getVerbs()) {
                served.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + base + verb.getPath());
            }
        }
        Set<String> described = new TreeSet<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertTrue(served.size() >= 14, served.toString());
        assertEquals(served, described);
    }

    @Test
    void answersOfTheRunningGatewayMatchTheirSchemas() throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("03-admission-inpatient.json")));
        valid("/api/v1/authorizations", "post", created);
        String id = CanonicalJson.mapper().readTree(created.body()).get("id").asText();
        String one = "/api/v1/authorizations/{id}";

        MultipartForm form = new MultipartForm().field("description", "H&P").file("file", "hp.pdf", "application/pdf",
                SampleDocuments.pdf(id));
        valid(one + "/documents", "post", RunningGateway.post("/api/v1/authorizations/" + id + "/documents",
                form.contentType(), form.bytes()));
        valid(one + "/documents", "get", RunningGateway.get("/api/v1/authorizations/" + id + "/documents"));
        valid(one + "/revisions", "post", RunningGateway.post("/api/v1/authorizations/" + id + "/revisions",
                "application/json", "{\"requestedBy\":\"ur.desk\",\"dateExtension\":\"2026-12-05\"}".getBytes(StandardCharsets.UTF_8)));
        valid(one, "get", RunningGateway.get("/api/v1/authorizations/" + id));
        valid("/api/v1/authorizations", "get", RunningGateway.get("/api/v1/authorizations?memberId=EXH100234503&status=all"));
        valid("/health", "get", RunningGateway.get("/health"));
        valid("/admin/queues", "get", RunningGateway.get("/admin/queues"));
        valid("/admin/dead-letters", "get", RunningGateway.get("/admin/dead-letters"));
        valid("/admin/dead-letters/replay", "post", RunningGateway.post("/admin/dead-letters/replay", "application/json",
                "{\"all\":true}".getBytes(StandardCharsets.UTF_8)));

        // refusals are problems, as described
        valid("/api/v1/authorizations", "get", RunningGateway.get("/api/v1/authorizations?status=someday"));
        valid(one, "get", RunningGateway.get("/api/v1/authorizations/26001R99999"));
        valid(one + "/revisions", "post", RunningGateway.post("/api/v1/authorizations/" + id + "/revisions",
                "application/json", "{\"requestedBy\":\"\"}".getBytes(StandardCharsets.UTF_8)));
        valid(one + "/documents", "post", RunningGateway.post("/api/v1/authorizations/" + id + "/documents",
                "application/pdf", SampleDocuments.pdf(id)));
        valid("/admin/dead-letters/replay", "post", RunningGateway.post("/admin/dead-letters/replay", "application/json",
                "{\"messageId\":1}".getBytes(StandardCharsets.UTF_8)));
        valid("/admin/dead-letters/replay", "post", RunningGateway.post("/admin/dead-letters/replay", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));

        // and the access gate's: no key, another site's authorization, a client deciding, another site's requester
        valid(one, "get", RunningGateway.get("/api/v1/authorizations/" + id, null));
        valid(one, "get", RunningGateway.get("/api/v1/authorizations/" + id, TestKeys.NORTHGATE));
        valid("/api/v1/reviews/{id}/decision", "post", RunningGateway.post("/api/v1/reviews/" + id + "/decision",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8), TestKeys.RIVERBEND_LAKESIDE));
        valid("/api/v1/authorizations", "post", RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("03-admission-inpatient.json")), TestKeys.NORTHGATE));
    }

    /** The answer's status and content type are described for the operation, and its JSON body fits the schema given. */
    private static void valid(String path, String method, HttpResponse<byte[]> answer) throws Exception {
        String status = String.valueOf(answer.statusCode());
        JsonNode response = resolve(openApi.at("/paths/" + pointer(path) + "/" + method + "/responses/" + status));
        assertTrue(!response.isMissingNode(), method + " " + path + " does not describe " + status + ": "
                + new String(answer.body(), StandardCharsets.UTF_8));
        String contentType = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode media = response.at("/content/" + pointer(contentType));
        assertTrue(!media.isMissingNode(), method + " " + path + " " + status + " does not describe " + contentType);
        String ref = media.at("/schema/$ref").asText();
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + (ref.isEmpty()
                ? "#/paths/" + pointer(path) + "/" + method + "/responses/" + status + "/content/" + pointer(contentType) + "/schema"
                : ref)));
        List<Error> errors = schema.validate(CanonicalJson.mapper().readTree(answer.body()));
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), method + " " + path + " " + status);
    }

    /** A response given by $ref (#/components/responses/...) is that response. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : openApi.at(ref.substring(1));
    }

    /** JSON Pointer escaping: ~ is ~0 and / is ~1. */
    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
