package org.pagateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Decision;
import org.pagateway.model.Outcome;

/** The fax-fallback notice on its own: what the seed asks a fax cover to carry, in full and in a 278's MSG. */
class FaxFallbackTest {

    private final FaxFallback fallback = new FaxFallback(PayerProfile.standard());

    @Test
    void theNoticeNamesTheAuthorizationTheSubmissionInThePayersTimeAndWhatToSend() {
        Decision completed = fallback.complete(pended("Pended for medical review."), "clinical notes", "26334R00007",
                Instant.parse("2026-07-01T13:05:00Z"));
        assertTrue(completed.faxNotice().startsWith(fallback.processedLater()));
        assertTrue(completed.faxNotice().endsWith(" Authorization 26334R00007 was submitted online 07/01/2026 09:05 AM EDT."
                + " Fax clinical notes to 617-586-1700 with the fax cover sheet of this authorization"
                + " (GET /api/v1/authorizations/26334R00007/fax-cover), which carries this ID, date and time."),
                completed.faxNotice());
        // a colon is the 278's component separator: the MSG writes the time with a dot
        assertEquals("Pended for medical review. Fax clinical notes to 617-586-1700 with the cover sheet of 26334R00007,"
                + " submitted 07/01/2026 09.05 AM EDT.", completed.message());
    }

    @Test
    void aLongMessageGoesAfterTheFaxPartSoTheMsgKeepsIt() {
        String reason = "Pended. " + "Waiting for the operative report and imaging. ".repeat(5);
        String message = fallback.complete(pended(reason), "clinical notes", "26334R00007", Instant.parse("2026-01-05T13:05:00Z"))
                .message();
        assertTrue(message.startsWith("Fax clinical notes to 617-586-1700 with the cover sheet of 26334R00007, submitted"
                + " 01/05/2026 08.05 AM EST. Pended."), message);
    }

    private static Decision pended(String message) {
        return new Decision(Outcome.MEDREVIEW, AuthorizationStatus.MEDREVIEW, "A4", List.of(), "review.medical.surgical", null,
                message, List.of(), null, null, List.of(), null, null);
    }
}
