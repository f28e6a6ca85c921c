package org.pagateway.rules;

import java.util.List;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Decision;
import org.pagateway.model.RequestCategory;

/**
 * Decides what can be decided at once. For now every valid request is pended for review (HCR01 A4) and
 * queued by its category; the payer profile's rules come later and plug in here.
 */
public final class DecisionEngine {

    public static final String PAYER_FAX = "617-586-1700";

    /** The seed portal's text when a request cannot get a real-time answer. */
    public static final String PROCESSED_LATER = "Your request has been received and will be processed at a later time."
            + " Please check back in 4 hours or by the following morning to see your updated status."
            + " In the interim, you can fax your clinical notes to us at " + PAYER_FAX + "."
            + " Please include the date/time of your online submission on your fax cover sheet."
            + " Otherwise, you can wait until the request is in our system and upload clinical notes at that time.";

    public Decision decide(AuthorizationRequest request) {
        return new Decision(AuthorizationStatus.PEND, "A4", List.of("pended for clinical review"),
                "review.pend." + queueCategory(request.category()), PROCESSED_LATER);
    }

    static String queueCategory(RequestCategory category) {
        return switch (category) {
            case ADMISSION_REVIEW -> "admission";
            case HEALTH_SERVICES_REVIEW -> "outpatient";
            case SPECIALTY_CARE_REVIEW -> "referral";
        };
    }
}
