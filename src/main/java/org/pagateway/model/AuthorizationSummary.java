package org.pagateway.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a lookup, the seed's "Quick Summary": the authorization ID, the kind of request, when it was made,
 * the primary diagnosis, the status and the service dates, with the member and the requesting site.
 */
public record AuthorizationSummary(
        String id,
        String requestType,
        Instant created,
        String memberId,
        String diagnosisCode,
        AuthorizationStatus status,
        LocalDate serviceStart,
        LocalDate serviceEnd,
        String site,
        String requesterNpi) {
}
