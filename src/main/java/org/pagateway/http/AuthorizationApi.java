package org.pagateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pagateway.intake.AuthorizationIntake;
import org.pagateway.lookup.AuthorizationViewer;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationLookup;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.AuthorizationSummary;
import org.pagateway.model.Channel;
import org.pagateway.model.Disposition;
import org.pagateway.model.LookupPage;
import org.pagateway.security.Client;
import org.pagateway.store.AuthorizationStore;
import org.pagateway.validation.RequestValidator;

/**
 * POST /api/v1/authorizations, GET /api/v1/authorizations/{id} and the lookups GET /api/v1/authorizations?memberId=
 * &status=&diagnosisCode=&site=: JSON in, canonical model, JSON out.
 */
public final class AuthorizationApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final AuthorizationIntake intake;
    private final AuthorizationStore store;
    private final AuthorizationViewer viewer;
    private final AccessControl access;
    private final RequestValidator validator = new RequestValidator();

    public AuthorizationApi(AuthorizationIntake intake, AuthorizationStore store, AuthorizationViewer viewer,
            AccessControl access) {
        this.intake = intake;
        this.store = store;
        this.viewer = viewer;
        this.access = access;
    }

    /** Room enough for any client's idempotency keys (a UUID is 36), and for their receipts' column. */
    static final int MAX_IDEMPOTENCY_KEY = 200;

    /**
     * A resend with the same Idempotency-Key gets the first answer and makes no second authorization. A client held to
     * sites submits for their requesters only, and its keys are its own: another client's key finds nothing.
     */
    public HttpAnswer submit(byte[] body, String idempotencyKey, Client client) {
        if (idempotencyKey != null && idempotencyKey.strip().length() > MAX_IDEMPOTENCY_KEY) {
            return new Problem("https://pa-gateway.org/problems/bad-header", "Bad header", 400,
                    "Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY + " characters",
                    List.of(new Problem.FieldError("Idempotency-Key", "is at most " + MAX_IDEMPOTENCY_KEY + " characters")))
                    .answer();
        }
        JsonBody<AuthorizationRequest> parsed = JsonBody.read(body, AuthorizationRequest.class, "an authorization request");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        AuthorizationRequest request = parsed.value();
        List<Problem.FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            return new Problem("https://pa-gateway.org/problems/validation", "Invalid authorization request", 422,
                    errors.size() + " field(s) are not acceptable", errors).answer();
        }
        Optional<HttpAnswer> refused = access.refusal(client, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Disposition disposition = intake.accept(List.of(request), Channel.JSON_HTTP, "http", idempotencyKey,
                AccessControl.resendScope(client)).get(0);
        if (disposition.decision().rejected()) {
            List<Problem.FieldError> rejected = disposition.decision().rejections().stream()
                    .map(r -> new Problem.FieldError(r.field(), r.reason())).toList();
            return new Problem("https://pa-gateway.org/problems/rejected", "Authorization request rejected", 422,
                    "The payer cannot process this request as sent; nothing was stored.", rejected).answer();
        }
        Authorization authorization = disposition.primary();
        return HttpAnswer.json(201, authorization, Map.of("Location", "/api/v1/authorizations/" + authorization.id()));
    }

    /** One authorization as the seed's viewer shows it, with its request, decision, documents and history. */
    public HttpAnswer find(String id) {
        return viewer.view(id).map(view -> HttpAnswer.json(200, view, Map.of())).orElseGet(() -> notFound(id));
    }

    /**
     * The seed's lookups: a member's authorizations ("Enter Member ID"), or a site's ("View Authorizations & Referrals
     * for This Site"), shown all or only approved ("Show: All / Approved/Active"), optionally with one diagnosis code.
     * Newest first, {@code limit} at a time from {@code offset}; {@code more} says whether another page follows. A client
     * held to sites finds its sites' authorizations only.
     */
    public HttpAnswer search(String memberId, String status, String diagnosisCode, String site, String limit, String offset,
            Client client) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (blank(memberId) && blank(site)) {
            errors.add(new Problem.FieldError("memberId", "a lookup is by memberId or by site (or both)"));
        }
        Set<AuthorizationStatus> statuses = statuses(status, errors);
        int pageSize = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            return new Problem("https://pa-gateway.org/problems/bad-lookup", "Bad lookup", 400,
                    errors.size() + " query parameter(s) are not acceptable", errors).answer();
        }
        // one row more than asked tells whether there is another page
        List<AuthorizationSummary> found = viewer.search(new AuthorizationLookup(trimmed(memberId), trimmed(site), statuses,
                trimmed(diagnosisCode), pageSize + 1, from, AccessControl.visibleSites(client)));
        return HttpAnswer.json(200, new LookupPage(found.subList(0, Math.min(pageSize, found.size())), pageSize, from,
                found.size() > pageSize), Map.of());
    }

    /** The 278 response of the latest review decision, for clients that submitted X12 or want it as X12. */
    public HttpAnswer response(String id) {
        if (store.find(id).isEmpty()) {
            return notFound(id);
        }
        return store.response(id)
                .map(x12 -> new HttpAnswer(200, X12Api.X12, x12.getBytes(StandardCharsets.US_ASCII), Map.of()))
                .orElseGet(() -> Problem.of(404, "no-response", "No decision yet",
                        "Authorization " + id + " has no review decision yet; its first answer was the one given at submission.")
                        .answer());
    }

    /**
     * "all" (or nothing): every status. "approved", "active" or "approved/active": APPROVED, the seed's Approved/Active.
     * A status by name (pend, medreview, closed, denied) for a reviewer's or a site's work list.
     */
    private static Set<AuthorizationStatus> statuses(String status, List<Problem.FieldError> errors) {
        if (blank(status) || status.strip().equalsIgnoreCase("all")) {
            return Set.of();
        }
        String value = status.strip().toUpperCase(Locale.ROOT);
        if (value.equals("ACTIVE") || value.equals("APPROVED/ACTIVE")) {
            return EnumSet.of(AuthorizationStatus.APPROVED);
        }
        try {
            return EnumSet.of(AuthorizationStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("status", "is all, approved (or active), pend, medreview, closed or denied"));
            return Set.of();
        }
    }

    private static int number(String field, String value, int fallback, int min, int max, List<Problem.FieldError> errors) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new Problem.FieldError(field, "is a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
        return fallback;
    }

    static HttpAnswer notFound(String id) {
        return Problem.of(404, "not-found", "Not found", "No authorization " + id + ".").answer();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
