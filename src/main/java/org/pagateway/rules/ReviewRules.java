package org.pagateway.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Certification;
import org.pagateway.model.DateRange;
import org.pagateway.model.Decision;
import org.pagateway.model.Outcome;
import org.pagateway.model.ReviewAction;
import org.pagateway.model.ReviewDecision;

/**
 * What a reviewer's decision does to an authorization under the seed's statuses: a PEND or MEDREVIEW request is
 * approved (A1), modified (A6), denied (A3) or moved between pend and medical review; an APPROVED one may only be
 * modified; CLOSED and DENIED are final.
 */
public final class ReviewRules {

    private static final Set<AuthorizationStatus> WAITING = EnumSet.of(AuthorizationStatus.PEND, AuthorizationStatus.MEDREVIEW);

    private final int reasonLimit;
    private final FaxFallback faxFallback;

    public ReviewRules(PayerProfile profile) {
        this.reasonLimit = profile.limits().remarks();
        this.faxFallback = new FaxFallback(profile);
    }

    public Decision apply(Authorization current, ReviewDecision review, Instant now) {
        List<ReviewRefused.Field> bad = validate(review);
        if (!bad.isEmpty()) {
            throw new ReviewRefused(ReviewRefused.Kind.INVALID, bad.size() + " field(s) of the decision are not acceptable", bad);
        }
        AuthorizationStatus status = current.status();
        if (!allowedFrom(review.action()).contains(status)) {
            throw new ReviewRefused(ReviewRefused.Kind.CONFLICT, "authorization " + current.id() + " is " + status
                    + "; " + review.action().name().toLowerCase() + " applies only to " + allowedFrom(review.action()), List.of());
        }
        Decision was = current.decision();
        String service = was.reviewQueue() != null ? was.reviewQueue().substring(was.reviewQueue().lastIndexOf('.') + 1) : null;
        String reason = review.reason();
        return switch (review.action()) {
            case APPROVE, MODIFY -> {
                Certification certified = certification(current.request(), review);
                String units = certified.quantity() == null ? "" : " for " + certified.quantity().stripTrailingZeros().toPlainString() + " unit(s)";
                String dates = certified.dates() == null || certified.dates().start() == null ? ""
                        : " from " + certified.dates().start() + (certified.dates().end() != null ? " to " + certified.dates().end() : "");
                boolean modified = review.action() == ReviewAction.MODIFY;
                yield decided(was, Outcome.APPROVED, AuthorizationStatus.APPROVED, modified ? "A6" : "A1", null,
                        (modified ? "Certified with modifications" : "Certified") + units + dates + "." + (reason == null ? "" : " " + reason),
                        reason, certified, review.reviewer(), now);
            }
            case DENY -> decided(was, Outcome.DENIED, AuthorizationStatus.DENIED, "A3", null, "Not certified. " + reason,
                    reason, null, review.reviewer(), now);
            // still waiting: the answer falls back to fax like any pended one, dated when the request came in
            case PEND -> faxFallback.complete(decided(was, Outcome.PEND, AuthorizationStatus.PEND, "A4", "review.pend." + service,
                    "Pended." + (reason == null ? "" : " " + reason), reason, null, review.reviewer(), now),
                    DecisionEngine.CLINICAL_NOTES, current.id(), current.createdAt());
            case MEDREVIEW -> faxFallback.complete(decided(was, Outcome.MEDREVIEW, AuthorizationStatus.MEDREVIEW, "A4",
                    "review.medical." + service, "Pended for medical review." + (reason == null ? "" : " " + reason), reason,
                    null, review.reviewer(), now), DecisionEngine.CLINICAL_NOTES, current.id(), current.createdAt());
        };
    }

    private static Set<AuthorizationStatus> allowedFrom(ReviewAction action) {
        return switch (action) {
            case APPROVE, DENY -> WAITING;
            // the seed lets an APPROVED authorization be edited: a reviewer may change what it certifies
            case MODIFY -> EnumSet.of(AuthorizationStatus.PEND, AuthorizationStatus.MEDREVIEW, AuthorizationStatus.APPROVED);
            case PEND -> EnumSet.of(AuthorizationStatus.MEDREVIEW);
            case MEDREVIEW -> EnumSet.of(AuthorizationStatus.PEND);
        };
    }

    private List<ReviewRefused.Field> validate(ReviewDecision review) {
        List<ReviewRefused.Field> bad = new ArrayList<>();
        if (review.action() == null) {
            bad.add(new ReviewRefused.Field("action", "is required: approve, modify, deny, pend or medreview"));
            return bad;
        }
        if (review.reviewer() == null || review.reviewer().isBlank()) {
            bad.add(new ReviewRefused.Field("reviewer", "is required: who decides is recorded"));
        }
        if (review.units() != null && review.units().signum() <= 0) {
            bad.add(new ReviewRefused.Field("units", "must be more than 0"));
        }
        if (review.startDate() != null && review.endDate() != null && review.startDate().isAfter(review.endDate())) {
            bad.add(new ReviewRefused.Field("startDate", "is after endDate"));
        }
        if (review.action() == ReviewAction.DENY && (review.reason() == null || review.reason().isBlank())) {
            bad.add(new ReviewRefused.Field("reason", "is required to deny"));
        }
        if (review.action() == ReviewAction.MODIFY && review.units() == null && review.startDate() == null && review.endDate() == null) {
            bad.add(new ReviewRefused.Field("units", "a modification gives the units or the dates certified"));
        }
        if (review.reason() != null && review.reason().length() > reasonLimit) {
            bad.add(new ReviewRefused.Field("reason", "is longer than " + reasonLimit + " characters"));
        }
        return bad;
    }

    /** The units and dates given, else those requested. */
    private static Certification certification(AuthorizationRequest request, ReviewDecision review) {
        BigDecimal units = review.units() != null ? review.units() : DecisionEngine.requestedUnits(request);
        DateRange requested = request.serviceDates() != null ? request.serviceDates() : request.admissionDates();
        LocalDate start = review.startDate() != null ? review.startDate() : requested == null ? null : requested.start();
        LocalDate end = review.endDate() != null ? review.endDate() : requested == null ? null : requested.end();
        String qualifier = request.quantityQualifier() != null ? request.quantityQualifier() : "VS";
        return new Certification(qualifier, units == null || units.signum() == 0 ? null : units,
                start == null && end == null ? null : new DateRange(start, end));
    }

    private static Decision decided(Decision was, Outcome outcome, AuthorizationStatus status, String action, String queue,
            String message, String reason, Certification certification, String reviewer, Instant now) {
        return new Decision(outcome, status, action, reason == null ? List.of() : List.of(reason), queue, null, message,
                List.of(), certification, null, was.relatedAuthorizationIds(), reviewer, now);
    }
}
