package org.pagateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of the canonical model: HTTP bodies, stored documents and queue messages all use it. */
public final class CanonicalJson {

    /** Deeper than any canonical document (about 5) by far; a request nested deeper is hostile, not a request. */
    public static final int MAX_DEPTH = 32;
    /** Longer than any canonical text (remarks 255, an X12 element 264, a fax notice under 1,000). */
    public static final int MAX_STRING = 64 * 1024;
    /** Digits of a number: quantities and units are small decimals. */
    public static final int MAX_NUMBER = 64;
    /** A field name: the canonical model's longest is under 30. */
    public static final int MAX_NAME = 256;

    // what a body may cost to read is bounded before any of it is bound: Jackson's defaults (1,000 levels, 20 MB
    // strings, 1,000-digit numbers) are for trusted input
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
                    .maxNumberLength(MAX_NUMBER).maxNameLength(MAX_NAME).build())
            .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // quantities are decimals: a tree keeps 10 as 10, not 10.0
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
