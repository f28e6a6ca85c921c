package org.pagateway.http;

import java.util.Map;

import org.pagateway.model.ReviewDecision;
import org.pagateway.review.ReviewDesk;
import org.pagateway.rules.ReviewRefused;

/** POST /api/v1/reviews/{id}/decision: a reviewer decides a pended authorization. */
public final class ReviewApi {

    private final ReviewDesk desk;

    public ReviewApi(ReviewDesk desk) {
        this.desk = desk;
    }

    public HttpAnswer decide(String id, byte[] body) {
        JsonBody<ReviewDecision> parsed = JsonBody.read(body, ReviewDecision.class, "a review decision");
        if (parsed.problem() != null) {
            return parsed.problem();
        }
        try {
            return desk.decide(id, parsed.value()).map(a -> HttpAnswer.json(200, a, Map.of()))
                    .orElseGet(() -> AuthorizationApi.notFound(id));
        } catch (ReviewRefused refused) {
            return refused.kind() == ReviewRefused.Kind.CONFLICT
                    ? Problem.of(409, "status-conflict", "Not possible in this status", refused.getMessage()).answer()
                    : new Problem("https://pa-gateway.org/problems/validation", "Invalid review decision", 422,
                            refused.getMessage(), refused.fields().stream()
                                    .map(f -> new Problem.FieldError(f.field(), f.reason())).toList()).answer();
        }
    }
}
