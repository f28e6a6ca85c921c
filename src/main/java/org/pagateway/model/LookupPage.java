package org.pagateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a lookup's summary rows; {@code more} says whether another page follows. An empty page says so. */
public record LookupPage(@JsonInclude(JsonInclude.Include.ALWAYS) List<AuthorizationSummary> authorizations, int limit,
        int offset, boolean more) {

    public LookupPage {
        authorizations = List.copyOf(authorizations);
    }
}
