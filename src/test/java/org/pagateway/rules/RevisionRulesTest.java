package org.pagateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.DateRange;
import org.pagateway.model.Rejection;
import org.pagateway.model.RejectionLevel;
import org.pagateway.model.Revision;
import org.pagateway.model.ServiceLine;
import org.pagateway.model.TraceNumber;
import org.pagateway.support.SampleAuthorizations;

/** The revision rules on their own: what a revision does to an authorization, and what an X12 revision asks. */
class RevisionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");
    private final RevisionRules rules = new RevisionRules(DecisionEngine.standard());

    @Test
    void aDateChangeTravelsInTheRemarksAndLeavesTheDatesToTheReviewer() {
        Authorization admission = authorization("03-admission-inpatient.json");
        RevisionRules.Revised revised = rules.apply(admission, new Revision("ur.desk", null, null, null,
                new DateRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 3)), "Admitted a day later.", null), NOW);
        assertEquals("Remarks: Date change requested to 11/30/2026 - 12/03/2026. Admitted a day later.", revised.summary());
        assertEquals(admission.request().serviceLines(), revised.request().serviceLines(), "the dates are the reviewer's to certify");
        assertEquals("review.medical.admission", revised.decision().reviewQueue());
        assertTrue(revised.decision().faxNotice().contains("Authorization 26334R00001 was submitted online 11/30/2026 10:00 AM EST"),
                revised.decision().faxNotice());
    }

    @Test
    void theCorrectedCodeInstructionNamesThisPayer() {
        RevisionRefused refused = assertThrows(RevisionRefused.class, () -> rules.apply(authorization("10-orthotics.json"),
                new Revision("front.desk", List.of(new Revision.UnitsAdded(1, "L1832", BigDecimal.ONE)), null, null, null, null,
                        null), NOW));
        assertEquals(RevisionRefused.Kind.CORRECTED_CODE, refused.kind());
        assertEquals(new Rejection(RejectionLevel.SERVICE, 1, "AG", "C", "addUnits[0].code", "line 1 is L1833, not L1832: "
                + rules.correctedCodeInstruction()), refused.rejections().get(0));
    }

    @Test
    void anX12RevisionAsksForTheDifferenceOfAMatchedLineAndAddsTheOthers() {
        Authorization held = authorization("03-admission-inpatient.json");
        AuthorizationRequest sent = held.request();
        ServiceLine stay = sent.serviceLines().get(0);
        ServiceLine more = line(stay, 1, stay.code(), new BigDecimal("5"), List.of());
        ServiceLine added = line(stay, 2, "0200", BigDecimal.ONE, List.of());
        RevisionRules.X12Revision revision = rules.fromX12(revised(sent, "S", List.of(more, added), null), held);
        assertEquals(List.of(new Revision.UnitsAdded(1, null, new BigDecimal("2"))), revision.revision().addUnits());
        assertEquals("0200", revision.revision().addProcedures().get(0).code());
        assertEquals(Map.of("addUnits[0]", 1, "addProcedures[0]", 2), revision.lineOf());
        assertNull(revision.revision().dateExtension());
    }

    @Test
    void anX12LineWithAKnownTraceAndAnotherCodeIsACorrection() {
        Authorization held = authorization("10-orthotics.json");
        ServiceLine line = held.request().serviceLines().get(0);
        TraceNumber trace = new TraceNumber("ORT-1", "9811223344");
        Authorization traced = new Authorization(held.id(), held.channel(), held.sourceName(),
                held.request().withServiceLines(List.of(line(line, 1, line.code(), line.quantity(), List.of(trace))), null),
                held.decision(), held.createdAt());
        AuthorizationRequest sent = revised(held.request(), "S", List.of(line(line, 1, "L1832", line.quantity(), List.of(trace))),
                null);
        RevisionRules.X12Revision revision = rules.fromX12(sent, traced);
        RevisionRefused refused = assertThrows(RevisionRefused.class, () -> rules.apply(traced, revision.revision(), NOW));
        Rejection placed = revision.placed(refused.rejections().get(0));
        assertEquals(RejectionLevel.SERVICE, placed.level());
        assertEquals(1, placed.index(), "under the 2000F of the 278 line that carried it");
    }

    @Test
    void anX12ExtensionIsTheLaterEndDateAndFewerUnitsAreNotedNotTaken() {
        Authorization held = authorization("03-admission-inpatient.json");
        ServiceLine stay = held.request().serviceLines().get(0);
        ServiceLine fewer = new ServiceLine(1, stay.serviceTypeCode(), stay.codeType(), stay.code(), stay.revenueCode(),
                stay.modifiers(), BigDecimal.ONE, stay.unitType(), new DateRange(stay.serviceDates().start(),
                        LocalDate.of(2026, 12, 6)), List.of(), stay.providers());
        RevisionRules.X12Revision revision = rules.fromX12(revised(held.request(), "4", List.of(fewer), "Needs two more days."),
                held);
        assertEquals(LocalDate.of(2026, 12, 6), revision.revision().dateExtension());
        assertEquals(List.of(), revision.revision().addUnits());
        assertEquals("Line 1: 1 unit(s) asked, fewer than the 3 on the authorization. Needs two more days.",
                revision.revision().remarks());
    }

    private static AuthorizationRequest revised(AuthorizationRequest held, String type, List<ServiceLine> lines, String remarks) {
        AuthorizationRequest r = held.withServiceLines(lines, held.quantity()).withRemarks(remarks);
        return new AuthorizationRequest(r.category(), type, r.serviceType(), r.placeOfService(), r.placeOfServiceQualifier(),
                r.levelOfService(), r.payer(), r.requester(), r.subscriber(), r.patient(), r.diagnoses(), r.serviceLines(),
                r.servicingProviders(), r.serviceDates(), r.admissionDates(), r.quantityQualifier(), r.quantity(), r.remarks(),
                r.attachments(), r.traceNumbers(), r.envelope(), "26334R00001");
    }

    private static ServiceLine line(ServiceLine like, int number, String code, BigDecimal quantity, List<TraceNumber> traces) {
        return new ServiceLine(number, like.serviceTypeCode(), like.codeType(), code, like.revenueCode() == null ? null : code,
                like.modifiers(), quantity, like.unitType(), like.serviceDates(), traces, like.providers());
    }

    private static Authorization authorization(String sample) {
        return SampleAuthorizations.of(SampleAuthorizations.request(sample), "26334R00001", NOW);
    }
}
