package org.pagateway.http;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Party;
import org.pagateway.model.Provider;
import org.pagateway.rules.ProviderDirectory;
import org.pagateway.security.ApiKeys;
import org.pagateway.security.Client;
import org.pagateway.security.Permission;
import org.pagateway.security.RateLimiter;

/**
 * Who may call what: every HTTP request passes {@link #decide} (routes/http.yaml's http-errors route configuration, by
 * way of {@link AccessGate}) before its route runs. The key is looked up, the client held to its rate, the endpoint's
 * rule applied, and an authorization named in the path checked to be of one of the client's sites. The beans that take
 * new requests ask {@link #refusal(Client, AuthorizationRequest)} once they have read one.
 *
 * <p>Another site's authorization is answered exactly as one that does not exist (404), so its ID tells nothing.
 * Submitting for another site's requester is 403: the caller sent that requester, nothing of anyone else shows.
 */
public final class AccessControl {

    /** What each endpoint asks of its caller, as the REST DSL names it: "METHOD path-template". */
    static final Map<String, Permission> RULES = Map.ofEntries(
            Map.entry("GET /health", Permission.OPEN),
            Map.entry("GET /openapi.json", Permission.OPEN),
            Map.entry("POST /x12/278", Permission.SUBMIT),
            Map.entry("POST /api/v1/authorizations", Permission.SUBMIT),
            Map.entry("GET /api/v1/authorizations", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}/response", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}/documents", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}/documents/{docId}", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}/fax-cover", Permission.READ),
            Map.entry("GET /api/v1/authorizations/{id}/summary", Permission.READ),
            Map.entry("POST /api/v1/authorizations/{id}/documents", Permission.REVISE),
            Map.entry("POST /api/v1/authorizations/{id}/revisions", Permission.REVISE),
            Map.entry("POST /api/v1/reviews/{id}/decision", Permission.DECIDE),
            Map.entry("GET /metrics", Permission.MONITOR));
    /** Every operations endpoint, whatever its method. */
    static final String OPERATIONS = "/admin/";
    static final String REALM = "Bearer realm=\"pa-gateway\"";

    private final ApiKeys keys;
    private final RateLimiter rates;
    private final Function<String, Optional<String>> siteOfAuthorization;
    private final ProviderDirectory directory;

    /**
     * @param siteOfAuthorization the site an authorization belongs to (its requester's, as stored); empty when it does
     *                            not exist or has none
     */
    public AccessControl(ApiKeys keys, RateLimiter rates, Function<String, Optional<String>> siteOfAuthorization,
            ProviderDirectory directory) {
        this.keys = keys;
        this.rates = rates;
        this.siteOfAuthorization = siteOfAuthorization;
        this.directory = directory;
    }

    /** The rule of an endpoint; empty for one that has none (it is then an admin's only: closed by default). */
    public static Optional<Permission> rule(String method, String pathTemplate) {
        if (method == null || pathTemplate == null) {
            return Optional.empty();
        }
        Permission exact = RULES.get(method.toUpperCase(Locale.ROOT) + " " + pathTemplate);
        if (exact != null) {
            return Optional.of(exact);
        }
        return pathTemplate.startsWith(OPERATIONS) ? Optional.of(Permission.OPERATE) : Optional.empty();
    }

    /** A request as the gate sees it. {@code authorizationId}: the path's {id}, when the endpoint has one. */
    public record Call(String method, String pathTemplate, String authorizationHeader, String apiKeyHeader,
            String authorizationId, UnreadRequest unread) {
    }

    /**
     * The client it may go on as (null for an open endpoint), or the answer that refuses it (with the client, when the
     * key was good, for the log).
     */
    public record Verdict(Client client, HttpAnswer refusal) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    public Verdict decide(Call call) {
        Permission permission = rule(call.method(), call.pathTemplate()).orElse(Permission.OPERATE);
        if (permission == Permission.OPEN) {
            return new Verdict(null, call.unread() != null ? call.unread().answer() : null);
        }
        Presented presented = presented(call.authorizationHeader(), call.apiKeyHeader());
        if (presented.key() == null) {
            return refused(null, unauthenticated(presented.problem()));
        }
        Optional<Client> found = keys.find(presented.key());
        if (found.isEmpty()) {
            return refused(null, Problem.of(401, "unauthorized", "Unauthorized", "The API key is not one this gateway knows.")
                    .answer(Map.of("WWW-Authenticate", REALM + ", error=\"invalid_token\"")));
        }
        Client client = found.get();
        long wait = rates.take(client.name());
        if (wait > 0) {
            return refused(client, Problem.of(429, "too-many-requests", "Too many requests",
                    "More requests than this client may make; try again in " + wait + " s.")
                    .answer(Map.of("Retry-After", String.valueOf(wait))));
        }
        if (!client.may(permission)) {
            return refused(client, Problem.of(403, "forbidden", "Forbidden", "This endpoint needs a key with the "
                    + switch (permission) {
                        case DECIDE -> "reviewer or admin";
                        case MONITOR -> "monitor or admin";
                        case SUBMIT, REVISE -> "client or admin";
                        default -> "admin";
                    } + " role.").answer());
        }
        if (call.unread() != null) {
            return refused(client, call.unread().answer());
        }
        if (call.authorizationId() != null && !mayAct(client, call.authorizationId())) {
            return refused(client, AuthorizationApi.notFound(call.authorizationId()));
        }
        return new Verdict(client, null);
    }

    /** Whether the client may see and act on this authorization: one of its sites' (or it sees every site). */
    public boolean mayAct(Client client, String authorizationId) {
        return client.allSites() || client.actsFor(siteOfAuthorization.apply(authorizationId).orElse(null));
    }

    /**
     * Why the client may not send this request, if it may not: its requester is not of the client's sites (403), or it
     * revises an authorization that is not (404, as for one that does not exist). Empty: it may.
     */
    public Optional<HttpAnswer> refusal(Client client, AuthorizationRequest request) {
        if (client == null) {
            return Optional.of(unauthenticated("No API key was checked for this request."));
        }
        if (client.allSites()) {
            return Optional.empty();
        }
        String previous = request.previousAuthorizationId();
        if (request.isRevision() && previous != null && !previous.isBlank() && !mayAct(client, previous.strip())) {
            return Optional.of(AuthorizationApi.notFound(previous.strip()));
        }
        Party requester = request.requester();
        String npi = requester == null ? null : requester.id();
        String site = npi == null ? null : directory.find(npi.strip()).map(Provider::site).orElse(null);
        if (!client.actsFor(site)) {
            return Optional.of(new Problem("https://pa-gateway.org/problems/not-your-site", "Not one of your sites", 403,
                    "The requesting provider " + (npi == null ? "(none given)" : npi) + " is not of a site this key acts for "
                            + "(" + String.join(", ", client.sites().stream().sorted().toList()) + ").",
                    List.of(new Problem.FieldError("requester.id", "is not a provider of a site this key acts for"))).answer());
        }
        return Optional.empty();
    }

    /** The first refusal among the requests of one input, if any. */
    public Optional<HttpAnswer> refusal(Client client, List<AuthorizationRequest> requests) {
        if (client == null) {
            return Optional.of(unauthenticated("No API key was checked for this request."));
        }
        for (AuthorizationRequest request : requests) {
            Optional<HttpAnswer> refusal = refusal(client, request);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** The sites a lookup of this client is held to; null: every site. */
    public static Set<String> visibleSites(Client client) {
        return client == null ? Set.of() : client.allSites() ? null : new HashSet<>(client.sites());
    }

    /**
     * Whose resends a client's requests are matched against: its own, for a client held to sites (so none gets another's
     * first answer); everyone's (null) for one that sees every site anyway.
     */
    public static String resendScope(Client client) {
        return client == null || client.allSites() ? null : "client:" + client.name();
    }

    private static HttpAnswer unauthenticated(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail).answer(Map.of("WWW-Authenticate", REALM));
    }

    private static Verdict refused(Client client, HttpAnswer answer) {
        return new Verdict(client, answer);
    }

    private record Presented(String key, String problem) {
    }

    /** The key from Authorization: Bearer and/or X-API-Key; two different ones are none. */
    private static Presented presented(String authorization, String apiKey) {
        String bearer = null;
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) {
                bearer = parts[1].strip();
            }
        }
        String header = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (bearer != null && header != null && !bearer.equals(header)) {
            return new Presented(null, "Authorization: Bearer and X-API-Key carry two different keys; send one.");
        }
        String key = bearer != null ? bearer : header;
        return key != null ? new Presented(key, null)
                : new Presented(null, "Send an API key: Authorization: Bearer <key>, or X-API-Key: <key>.");
    }
}
