package org.pagateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;

/** GET /metrics in the Prometheus text format, scraped before and after a few requests: the counters moved. */
@ExtendWith(RunningGateway.class)
class MetricsApiTest {

    @Test
    void intakeDecisionsStorageQueuesAndLatencyAreCounted() throws Exception {
        Map<String, Double> before = scrape();

        assertEquals(201, RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("03-admission-inpatient.json"))).statusCode());
        assertEquals(200, RunningGateway.post("/x12/278", "application/edi-x12",
                Samples.asNewInterchange(Samples.x12("03-admission-inpatient.edi"))).statusCode());
        String file = RunningGateway.dropIntoInbox(Samples.asNewInterchange(Samples.x12("02-referral-specialist.edi")),
                "metrics-02.edi");
        RunningGateway.awaitFile(RunningGateway.settings().archive().resolve(file));

        Map<String, Double> after = scrape();
        assertMoved(before, after, "gateway_requests_received_total{channel=\"JSON_HTTP\"}", 1);
        assertMoved(before, after, "gateway_requests_received_total{channel=\"X12_HTTP\"}", 1);
        assertMoved(before, after, "gateway_requests_received_total{channel=\"X12_FILE\"}", 1);
        assertMoved(before, after, "gateway_authorizations_stored_total{channel=\"JSON_HTTP\"}", 1);
        assertMoved(before, after, "gateway_decisions_total{outcome=\"MEDREVIEW\"}", 2);
        assertMoved(before, after, "http_server_requests_seconds_count{method=\"POST\",route=\"json-submit\",status=\"201\"}", 1);
        assertTrue(after.containsKey("http_server_requests_seconds_bucket{method=\"POST\",route=\"json-submit\",status=\"201\",le=\"0.5\"}"),
                "latency as a histogram");
        assertTrue(after.get("gateway_queue_depth{queue=\"review.medical.admission\"}") >= 2, "the queue's depth from the broker");
        assertTrue(after.containsKey("gateway_queue_consumers{queue=\"review.medical.admission\"}"));
        assertEquals(1.0, after.get("gateway_broker_reachable"));
    }

    /** Each sample line of the exposition: the series (name and labels) to its value. */
    private static Map<String, Double> scrape() {
        HttpResponse<byte[]> response = RunningGateway.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers().toString());
        Map<String, Double> series = new HashMap<>();
        for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private static void assertMoved(Map<String, Double> before, Map<String, Double> after, String series, double atLeast) {
        double moved = after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
        assertTrue(moved >= atLeast, series + " moved by " + moved + ", expected at least " + atLeast + "; series: "
                + after.keySet().stream().filter(k -> k.startsWith(series.substring(0, series.indexOf('{')))).sorted().toList());
    }
}
