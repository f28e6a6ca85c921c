package org.pagateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The documents of an authorization in the order they came; an empty list says there are none. */
public record DocumentList(String authorizationId, @JsonInclude(JsonInclude.Include.ALWAYS) List<Document> documents) {

    public DocumentList {
        documents = List.copyOf(documents);
    }
}
