package org.pagateway.model;

import java.util.Set;

/**
 * A provider's lookup, as the seed's portal offers it: the authorizations of a member or of a site, all of them or
 * only the approved (active) ones, optionally with a diagnosis code; the newest first, a page at a time.
 * {@code statuses} empty means all. {@code withinSites}: the sites the one who asks may see (null: every site).
 */
public record AuthorizationLookup(String memberId, String site, Set<AuthorizationStatus> statuses, String diagnosisCode,
        int limit, int offset, Set<String> withinSites) {

    public AuthorizationLookup {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        withinSites = withinSites == null ? null : Set.copyOf(withinSites);
    }

    /** A lookup over every site. */
    public AuthorizationLookup(String memberId, String site, Set<AuthorizationStatus> statuses, String diagnosisCode,
            int limit, int offset) {
        this(memberId, site, statuses, diagnosisCode, limit, offset, null);
    }
}
