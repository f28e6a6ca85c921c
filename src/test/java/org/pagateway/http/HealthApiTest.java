package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.RunningGateway;

import com.fasterxml.jackson.databind.JsonNode;

class HealthApiTest {

    @Test
    @ExtendWith(RunningGateway.class)
    void aRunningGatewayReportsEveryPartUp() throws Exception {
        var response = RunningGateway.get("/health");
        assertEquals(200, response.statusCode());
        JsonNode body = CanonicalJson.mapper().readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        for (String part : new String[] { "broker", "store", "routes" }) {
            assertEquals("UP", body.at("/components/" + part).asText(), part);
        }
    }

    @Test
    void onePartDownMakesItA503NamingThePart() throws Exception {
        Map<String, BooleanSupplier> parts = new LinkedHashMap<>();
        parts.put("broker", () -> false);
        parts.put("store", () -> true);
        parts.put("routes", () -> {
            throw new IllegalStateException("a check that fails counts as down");
        });
        HttpAnswer answer = new HealthApi(parts).health();
        assertEquals(503, answer.status());
        JsonNode body = CanonicalJson.mapper().readTree(answer.body());
        assertEquals("DOWN", body.at("/components/broker").asText());
        assertEquals("UP", body.at("/components/store").asText());
        assertEquals("DOWN", body.at("/components/routes").asText());
    }
}
