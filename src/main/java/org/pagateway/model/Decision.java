package org.pagateway.model;

import java.time.Instant;
import java.util.List;

/**
 * What was decided for one authorization: the outcome, the status it gets, the HCR01 action code the 278
 * response carries (A1 certified, A3 not certified, A4 pended, A6 modified...), the reasons, the review queue it
 * goes to (null when no person needs to look), the fax-fallback notice, the short message a 278 MSG can carry,
 * the rejections (AAA), what an approval certifies, the vendor of a redirect, authorizations made with it (the
 * second one of a surgical day care) and who decided when.
 */
public record Decision(
        Outcome outcome,
        AuthorizationStatus status,
        String actionCode,
        List<String> reasons,
        String reviewQueue,
        String faxNotice,
        String message,
        List<Rejection> rejections,
        Certification certification,
        String vendor,
        List<String> relatedAuthorizationIds,
        String decidedBy,
        Instant decidedAt) {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        relatedAuthorizationIds = relatedAuthorizationIds == null ? List.of() : List.copyOf(relatedAuthorizationIds);
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }

    public Decision withRelated(List<String> ids, String newMessage) {
        return new Decision(outcome, status, actionCode, reasons, reviewQueue, faxNotice, newMessage, rejections,
                certification, vendor, ids, decidedBy, decidedAt);
    }

    public Decision withFaxNotice(String notice, String newMessage) {
        return new Decision(outcome, status, actionCode, reasons, reviewQueue, notice, newMessage, rejections,
                certification, vendor, relatedAuthorizationIds, decidedBy, decidedAt);
    }
}
