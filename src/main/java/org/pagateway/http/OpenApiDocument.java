package org.pagateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * GET /openapi.json: the OpenAPI 3.1 description of the whole HTTP API. It is written by hand as YAML
 * (src/main/resources/openapi.yaml, where it reads best) and served as JSON; OpenApiTest keeps it true to the
 * routes Camel serves and to the answers they give.
 */
public final class OpenApiDocument {

    public static final String RESOURCE = "openapi.yaml";

    private final byte[] json;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(in);
            this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public HttpAnswer json() {
        return new HttpAnswer(200, "application/json", json, Map.of());
    }
}
