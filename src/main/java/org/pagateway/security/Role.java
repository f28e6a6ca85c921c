package org.pagateway.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a key may do. A client (a practice-management system, a clearinghouse) works for its own sites; a reviewer
 * (nurse, medical director) reads every site's authorizations and decides them; a monitor (a Prometheus server)
 * scrapes /metrics and nothing else; an admin may do everything, the operations endpoints under /admin/ included.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    REVIEWER(EnumSet.of(Permission.READ, Permission.DECIDE)),
    CLIENT(EnumSet.of(Permission.SUBMIT, Permission.READ, Permission.REVISE)),
    MONITOR(EnumSet.of(Permission.MONITOR));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permission == Permission.OPEN || permissions.contains(permission);
    }

    /** Clients are held to their sites; reviewers and admins see every site. */
    public boolean siteScoped() {
        return this == CLIENT;
    }

    public static Role parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
