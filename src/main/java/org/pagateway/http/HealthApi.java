package org.pagateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.pagateway.model.CanonicalJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** GET /health: each part's state; 503 as soon as one is down, so a load balancer stops sending work. */
public final class HealthApi {

    private final Map<String, BooleanSupplier> parts;

    /** @param parts name of each part ("broker", "store", "routes") and how to tell it is up */
    public HealthApi(Map<String, BooleanSupplier> parts) {
        this.parts = new LinkedHashMap<>(parts);
    }

    public HttpAnswer health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, BooleanSupplier> part : parts.entrySet()) {
            boolean up;
            try {
                up = part.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                up = false;
            }
            states.put(part.getKey(), up ? "UP" : "DOWN");
            allUp &= up;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("components", states);
        try {
            return HttpAnswer.of(allUp ? 200 : 503, "application/json", CanonicalJson.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
