package org.pagateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CanonicalJson;
import org.pagateway.rules.DecisionEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stored authorizations made from the JSON samples. They are put together as JSON, the way the store reads
 * them back, so a field added to Authorization or Decision does not break every test that builds one.
 */
public final class SampleAuthorizations {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private SampleAuthorizations() {
    }

    /** The sample's request as an editable tree, e.g. to give it 40 service lines. */
    public static ObjectNode request(String sample) {
        try {
            return (ObjectNode) JSON.readTree(Samples.bytes(Samples.json(sample)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request with the decision the payer profile gives it, as decided when it was created. */
    public static Authorization of(JsonNode request, String id, Instant createdAt) {
        try {
            AuthorizationRequest parsed = JSON.treeToValue(request, AuthorizationRequest.class);
            return of(request, id, createdAt, JSON.valueToTree(DecisionEngine.standard().decide(parsed, createdAt).decision()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Authorization of(JsonNode request, String id, Instant createdAt, JsonNode decision) {
        ObjectNode stored = JSON.createObjectNode();
        stored.put("id", id);
        stored.put("channel", "JSON_HTTP");
        stored.put("sourceName", "test");
        stored.set("request", request);
        stored.set("decision", decision);
        stored.put("createdAt", createdAt.toString());
        try {
            return JSON.treeToValue(stored, Authorization.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
