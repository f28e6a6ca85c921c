package org.pagateway.rules;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.pagateway.model.Decision;

/**
 * The seed's fax fallback: when a request cannot be answered in real time, or a service is taken by fax only, the
 * provider is told where to fax what, and to put the authorization ID and the date and time of the online
 * submission on the fax cover sheet so the payer files the clinicals under the right request. The full notice goes
 * to JSON clients; a short form fits the 278's MSG01 (264 characters) for X12 submitters.
 */
public final class FaxFallback {

    /** As the fax cover sheet prints it: 11/30/2026 09:05 AM EST, in the payer's time zone. */
    private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a z", Locale.US);
    /** The same in a 278 MSG, where a colon is the component separator the writer would turn into '-'. */
    private static final DateTimeFormatter SUBMITTED_X12 = DateTimeFormatter.ofPattern("MM/dd/yyyy hh.mm a z", Locale.US);

    /** MSG01 of the 278 response: at most 264 characters. */
    public static final int MSG_MAX = 264;

    private final PayerProfile.Payer payer;

    public FaxFallback(PayerProfile profile) {
        this.payer = profile.payer();
    }

    /** The seed portal's text when a request cannot get a real-time answer. */
    public String processedLater() {
        return "Your request has been received and will be processed at a later time."
                + " Please check back in 4 hours or by the following morning to see your updated status."
                + " In the interim, you can fax your clinical notes to us at " + payer.fax() + "."
                + " Please include the date/time of your online submission on your fax cover sheet."
                + " Otherwise, you can wait until the request is in our system and upload clinical notes at that time.";
    }

    /**
     * The decision with its notice made out for one authorization: the decision's fax notice (the seed's text when
     * it has none) followed by the authorization ID, when it was submitted and what to fax where; its message, the
     * 278's MSG, followed by the same in short.
     *
     * @param contents what the provider is to fax, e.g. "clinical notes"
     */
    public Decision complete(Decision decision, String contents, String authorizationId, Instant submittedAt) {
        String when = SUBMITTED.format(submittedAt.atZone(payer.zone()));
        String whenX12 = SUBMITTED_X12.format(submittedAt.atZone(payer.zone()));
        String lead = decision.faxNotice() == null ? processedLater() : decision.faxNotice();
        String notice = lead + " Authorization " + authorizationId + " was submitted online " + when + ". Fax " + contents
                + " to " + payer.fax() + " with the fax cover sheet of this authorization"
                + " (GET /api/v1/authorizations/" + authorizationId + "/fax-cover), which carries this ID, date and time.";
        String brief = "Fax " + contents + " to " + payer.fax() + " with the cover sheet of " + authorizationId
                + ", submitted " + whenX12 + ".";
        String head = decision.message();
        String message = head == null ? brief
                // a 278 cuts MSG01 at 264: a long message (a reviewer's reason) goes after the fax part, not over it
                : head.length() + 1 + brief.length() <= MSG_MAX ? head + " " + brief : brief + " " + head;
        return decision.withFaxNotice(notice, message);
    }
}
