package org.pagateway.security;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who holds a key: a name for the logs, a role, and the provider sites (as in the provider directory) it acts for,
 * like the seed portal's single- and multi-site users. {@code *} stands for every site.
 */
public record Client(String name, Role role, Set<String> sites) {

    public static final String ALL_SITES = "*";

    public Client {
        // sites are matched as the store keeps them: upper case
        sites = sites.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every site: reviewers and admins, and a client given {@code *} (a clearinghouse acting for all). */
    public boolean allSites() {
        return !role.siteScoped() || sites.contains(ALL_SITES);
    }

    /** Whether this client may act for an authorization or a requester of {@code site} (null: no known site). */
    public boolean actsFor(String site) {
        return allSites() || site != null && sites.contains(site.strip().toUpperCase(Locale.ROOT));
    }

    public boolean may(Permission permission) {
        return role.may(permission);
    }
}
