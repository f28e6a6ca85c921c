package org.pagateway.security;

/** What an HTTP endpoint asks of the caller (see AccessControl's rules). */
public enum Permission {
    /** No key needed: /health (load balancers) and /openapi.json (the API's description is no secret). */
    OPEN,
    /** New requests, JSON or X12, for the caller's sites. */
    SUBMIT,
    /** Authorizations, lookups, documents, PDFs and 278 responses of the caller's sites. */
    READ,
    /** Revisions and document uploads on the caller's sites' authorizations. */
    REVISE,
    /** A reviewer's decision. */
    DECIDE,
    /** Queues, dead letters, replay: /admin/. */
    OPERATE,
    /** GET /metrics: counts and queue depths, no request data, for a Prometheus server's key. */
    MONITOR
}
