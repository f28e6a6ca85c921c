package org.pagateway.http;

import java.util.Map;

import org.pagateway.model.Revision;
import org.pagateway.review.RevisionDesk;
import org.pagateway.rules.RevisionRefused;

/**
 * POST /api/v1/authorizations/{id}/revisions: a provider revises an authorization (concurrent review). 200 with the
 * revised authorization; 409 when its status allows no revision; 422 naming each field that cannot be taken, a
 * corrected procedure code with the payer's instruction.
 */
public final class RevisionApi {

    private final RevisionDesk desk;

    public RevisionApi(RevisionDesk desk) {
        this.desk = desk;
    }

    public HttpAnswer revise(String id, byte[] body) {
        JsonBody<Revision> parsed = JsonBody.read(body, Revision.class, "a revision");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        try {
            return desk.revise(id, parsed.value()).map(a -> HttpAnswer.json(200, a, Map.of()))
                    .orElseGet(() -> AuthorizationApi.notFound(id));
        } catch (RevisionRefused refused) {
            var errors = refused.rejections().stream().map(r -> new Problem.FieldError(r.field(), r.reason())).toList();
            return switch (refused.kind()) {
                case NOT_REVISABLE -> new Problem("https://pa-gateway.org/problems/status-conflict",
                        "Not possible in this status", 409, refused.getMessage(), errors).answer();
                case CORRECTED_CODE -> new Problem("https://pa-gateway.org/problems/corrected-procedure-code",
                        "Corrected procedure codes are not accepted", 422, refused.getMessage(), errors).answer();
                case INVALID -> new Problem("https://pa-gateway.org/problems/validation", "Invalid revision", 422,
                        refused.getMessage(), errors).answer();
            };
        }
    }
}
