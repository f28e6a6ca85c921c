package org.pagateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagateway.model.CanonicalJson;
import org.pagateway.support.QueueProbe;
import org.pagateway.support.RunningGateway;
import org.pagateway.support.Samples;
import org.pagateway.support.StandaloneBroker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * With GATEWAY_BROKER_URL set the gateway starts no broker of its own: it queues on the standalone Artemis it is
 * pointed at, over TCP, and its health is that broker's. (Every test of the external-parts run goes through it.)
 */
@Tag("external-parts")
@ExtendWith(RunningGateway.class)
class ExternalBrokerTest {

    @Test
    void theGatewayQueuesOnTheBrokerItIsPointedAt() throws Exception {
        assertEquals(StandaloneBroker.shared().url(), RunningGateway.settings().brokerUrl());
        assertFalse(RunningGateway.settings().embeddedBroker());
        assertFalse(Files.exists(RunningGateway.settings().dataDir().resolve("broker")), "no journal of its own");

        HttpResponse<byte[]> created = RunningGateway.post("/api/v1/authorizations", "application/json",
                Samples.bytes(Samples.json("14-acupuncture.json")));
        assertEquals(201, created.statusCode(), new String(created.body()));
        String id = CanonicalJson.mapper().readTree(created.body()).get("id").asText();

        QueueProbe.takeOnce(StandaloneBroker.shared().url(), "review.medical.acupuncture", id);
        JsonNode health = CanonicalJson.mapper().readTree(RunningGateway.get("/health").body());
        assertEquals("UP", health.at("/components/broker").asText());
    }
}
