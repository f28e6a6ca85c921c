package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed's lookups on a running gateway: by authorization ID (the viewer's fields), by member with "All" or
 * "Approved/Active" and a diagnosis code, and all of a site, newest first a page at a time.
 */
@ExtendWith(RunningGateway.class)
class LookupTest {

    @Test
    void anAuthorizationCarriesTheViewersFields() throws Exception {
        String id = submit("03-admission-inpatient.json");
        JsonNode view = json(RunningGateway.get("/api/v1/authorizations/" + id));
        assertEquals(id, view.get("id").asText());
        assertEquals("EXH100234503", view.get("memberId").asText());
        assertEquals("ASO", view.get("product").asText(), "from the member roster");
        assertEquals("RIVERBEND FAMILY MEDICINE", view.at("/pcp/name").asText());
        assertEquals("1043729189", view.at("/pcp/npi").asText());
        assertEquals("LAKESIDE COMMUNITY HOSPITAL", view.at("/referredBy/name").asText());
        assertEquals("LAKESIDE", view.at("/referredBy/site").asText());
        assertEquals("1277345801", view.at("/referredTo/npi").asText());
        assertEquals("1277345801", view.at("/payTo/npi").asText());
        assertEquals("Inpatient", view.get("inpatientOutpatient").asText());
        assertEquals("Prior Auth", view.get("requestType").asText());
        assertEquals("J189", view.get("diagnosisCode").asText());
        assertEquals("MEDREVIEW", view.get("status").asText());
        assertEquals("2026-11-29", view.get("serviceStart").asText());
        assertEquals("2026-12-02", view.get("serviceEnd").asText());
        JsonNode line = view.at("/serviceLines/0");
        assertEquals("0121", line.get("code").asText());
        assertEquals(3, line.get("totalUnits").asInt());
        assertEquals(0, line.get("usedUnits").asInt());
        assertEquals("MEDREVIEW", line.get("status").asText());
        assertTrue(view.get("documents").isArray() && view.get("documents").isEmpty(), "no documents yet, said so");
        assertEquals("RECEIVED", view.at("/history/0/action").asText());
        assertEquals(CanonicalJson.mapper().readTree(Samples.bytes(Samples.json("03-admission-inpatient.json"))),
                view.get("request"), "the request as sent, beside the viewer's fields");
    }

    @Test
    void aMembersAuthorizationsAllOrApprovedOnlyOrWithADiagnosis() throws Exception {
        // EXH100234502's referral of 3 visits is approved in real time
        String approved = submit("02-referral-specialist.json");
        List<JsonNode> all = rows(get("/api/v1/authorizations?memberId=EXH100234502&status=all"));
        assertTrue(ids(all).contains(approved), ids(all).toString());
        all.forEach(r -> assertEquals("EXH100234502", r.get("memberId").asText()));

        List<JsonNode> active = rows(get("/api/v1/authorizations?memberId=EXH100234502&status=approved/active"));
        assertTrue(ids(active).contains(approved));
        active.forEach(r -> assertEquals("APPROVED", r.get("status").asText()));
        JsonNode row = active.stream().filter(r -> r.get("id").asText().equals(approved)).findFirst().orElseThrow();
        assertEquals("Referral", row.get("requestType").asText());
        assertEquals("I480", row.get("diagnosisCode").asText());
        assertEquals("2026-12-01", row.get("serviceStart").asText());
        assertEquals("2027-05-31", row.get("serviceEnd").asText());

        // a secondary diagnosis finds it too, written with or without the dot
        assertTrue(ids(rows(get("/api/v1/authorizations?memberId=EXH100234502&diagnosisCode=I10"))).contains(approved));
        assertTrue(ids(rows(get("/api/v1/authorizations?memberId=EXH100234502&diagnosisCode=r00.2"))).contains(approved));
        assertFalse(ids(rows(get("/api/v1/authorizations?memberId=EXH100234502&diagnosisCode=J189"))).contains(approved));
        assertFalse(ids(rows(get("/api/v1/authorizations?memberId=EXH100234502&status=pend"))).contains(approved));
    }

    @Test
    void aSitesAuthorizationsNewestFirstAPageAtATime() throws Exception {
        String first = submit("15-infusion.json");
        String second = submit("15-infusion.json");
        JsonNode page = get("/api/v1/authorizations?site=fairview&limit=1");
        assertEquals(second, rows(page).get(0).get("id").asText(), "newest first");
        assertTrue(page.get("more").asBoolean());
        assertEquals(first, rows(get("/api/v1/authorizations?site=FAIRVIEW&limit=1&offset=1")).get(0).get("id").asText());
        rows(get("/api/v1/authorizations?site=Fairview&limit=500"))
                .forEach(r -> assertEquals("FAIRVIEW", r.get("site").asText()));
    }

    @Test
    void aLookupWithoutMemberOrSiteOrWithABadStatusSaysWhy() throws Exception {
        HttpResponse<byte[]> nothing = RunningGateway.get("/api/v1/authorizations");
        assertEquals(400, nothing.statusCode());
        assertEquals(Problem.CONTENT_TYPE, nothing.headers().firstValue("Content-Type").orElse(""));
        assertEquals("memberId", json(nothing).at("/errors/0/field").asText());
        HttpResponse<byte[]> bad = RunningGateway.get("/api/v1/authorizations?site=LAKESIDE&status=someday&limit=0");
        assertEquals(400, bad.statusCode());
        assertEquals(List.of("status", "limit"), ids(rows(json(bad), "errors"), "field"));
    }

    private static String submit(String sample) throws Exception {
        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json(sample)));
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        return json(created).get("id").asText();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> response = RunningGateway.get(path);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return json(response);
    }

    private static List<JsonNode> rows(JsonNode page) {
        return rows(page, "authorizations");
    }

    private static List<JsonNode> rows(JsonNode node, String field) {
        List<JsonNode> rows = new ArrayList<>();
        node.get(field).forEach(rows::add);
        return rows;
    }

    private static List<String> ids(List<JsonNode> rows) {
        return ids(rows, "id");
    }

    private static List<String> ids(List<JsonNode> rows, String field) {
        return rows.stream().map(r -> r.get(field).asText()).toList();
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return CanonicalJson.mapper().readTree(response.body());
    }
}
