package org.pagateway.model;

import java.util.List;

/**
 * What the gateway decided for one authorization: the status it gets, the HCR01 action code the
 * 278 response carries (A1 certified, A3 not certified, A4 pended...), the reasons, the review
 * queue it goes to (null when no person needs to look) and the fax-fallback notice, if any.
 */
public record Decision(
        AuthorizationStatus status,
        String actionCode,
        List<String> reasons,
        String reviewQueue,
        String faxNotice) {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
