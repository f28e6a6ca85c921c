package org.pagateway.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagateway.model.Authorization;
import org.pagateway.rules.PayerProfile;
import org.pagateway.support.RenderedPdf;
import org.pagateway.support.SampleAuthorizations;

class FaxCoverSheetTest {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");

    @Test
    void theCoverOfAStoredRequestCarriesTheSeedsFieldsInTheSeedsOrder() {
        Authorization authorization = SampleAuthorizations.of(SampleAuthorizations.request("01-outpatient-surgical-sdc.json"),
                "19164R00145", Instant.parse("2019-06-13T17:49:00Z"));

        RenderedPdf pdf = RenderedPdf.of(FaxCoverSheet.render(FaxCover.of(authorization, PayerProfile.standard(), "Clinical notes, 12 pages")));

        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        List<String> expected = List.of(
                "To: EXAMPLE HEALTH PARTNERS", // the payer of config/payer-profile.yaml
                "Fax Number: 617-586-1700",
                "Auth Id: 19164R00145",
                "From: NORTHGATE ORTHOPEDIC ASSOCIATES",
                "Site: 4 NORTHGATE PLAZA, SUITE 210, WOBURN, MA 01801",
                "NPI: 1588203640",
                "Phone: 781-555-0118",
                // the online submission's date/time, which the seed asks for on the cover
                "Date: 06/13/2019 01:49 PM EDT",
                "Contents: Clinical notes, 12 pages",
                "Notice of Confidentiality: " + FaxCover.CONFIDENTIALITY);
        int previous = -1;
        for (String field : expected) {
            int at = text.indexOf(field);
            assertTrue(at > previous, () -> "missing or out of order: " + field + "\n" + pdf.text());
            previous = at;
        }
        assertTrue(FaxCover.CONFIDENTIALITY.contains("telephone us immediately at 617-772-5500"));
    }

    @Test
    void missingAddresseeFaxNumberAndNoticeAreTheSeeds() {
        FaxCover cover = new FaxCover(null, " ", "19164R00146", "Dr. Example", null, null, null, null, null, null);

        assertEquals("AllWays Health Partners", cover.to());
        assertEquals("617-586-1700", cover.faxNumber());
        assertEquals(FaxCover.CONFIDENTIALITY, cover.notice());
        String text = RenderedPdf.of(FaxCoverSheet.render(cover)).flat();
        assertTrue(text.contains("Auth Id: 19164R00146 From: Dr. Example Site: NPI: Phone: Date: Contents:"), text);
    }

    @Test
    void longValuesWrapAndTheSheetStaysOnePage() {
        String longText = "Clinical notes and imaging reports for the requested procedure ".repeat(12);
        String oneWord = "X".repeat(300);
        FaxCover cover = new FaxCover(longText, oneWord, oneWord, longText, longText, oneWord, oneWord,
                ZonedDateTime.of(2019, 6, 13, 13, 49, 0, 0, BOSTON), longText, longText);

        RenderedPdf pdf = RenderedPdf.of(FaxCoverSheet.render(cover));

        assertEquals(1, pdf.pages());
        String text = pdf.flat();
        assertTrue(text.contains("From: Clinical notes and imaging reports"), text);
        assertTrue(text.contains("Site: Clinical notes and imaging reports"), text);
        assertTrue(text.contains("Date: 06/13/2019 01:49 PM EDT"), text);
        assertTrue(text.contains("Notice of Confidentiality: Clinical notes"), text);
        // cut values say so instead of running off the page
        assertTrue(text.contains("..."), text);
    }

    @Test
    void charactersHelveticaCannotDrawAreReplacedNotRefused() {
        FaxCover cover = new FaxCover(null, null, "19164R00147", "Dvořák Zoë\tClinic\n北京 🙂",
                "Straße 1", null, null, null, "Łódź notes", null);

        String text = RenderedPdf.of(FaxCoverSheet.render(cover)).flat();

        assertTrue(text.contains("From: Dvorák Zoë Clinic ?? ?"), text);
        assertTrue(text.contains("Site: Straße 1"), text);
        assertTrue(text.contains("Contents: ?ódz notes"), text);
    }
}
