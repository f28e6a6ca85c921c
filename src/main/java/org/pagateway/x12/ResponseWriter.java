package org.pagateway.x12;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.Certification;
import org.pagateway.model.DateRange;
import org.pagateway.model.Decision;
import org.pagateway.model.Diagnosis;
import org.pagateway.model.Disposition;
import org.pagateway.model.EnvelopeRef;
import org.pagateway.model.Member;
import org.pagateway.model.Party;
import org.pagateway.model.Rejection;
import org.pagateway.model.RejectionLevel;
import org.pagateway.model.ServiceLine;
import org.pagateway.model.TraceNumber;
import org.pagateway.rules.FaxFallback;

import io.xlate.edi.stream.EDIStreamException;

/**
 * Writes 005010X217 278 responses: for each accepted request transaction one response transaction that
 * echoes the payer, requester, subscriber (and dependent) loops, and for each patient event its trace
 * numbers, its UM, the decision (HCR) with the authorization number, and each service line with its own HCR.
 * One instance writes the responses to one received interchange, as one interchange with one group per
 * received group.
 */
public final class ResponseWriter {

    private static final int MSG_MAX = FaxFallback.MSG_MAX;

    private final X12Out x12;
    private GroupHeader currentGroup;

    public ResponseWriter(OutputStream out, InterchangeHeader received, long controlNumber) {
        this.x12 = new X12Out(out);
        try {
            x12.startInterchange(received, controlNumber, false);
        } catch (EDIStreamException e) {
            throw invalid(e);
        }
    }

    /**
     * The response to one transaction set: one 2000E per request, in the order of the request. Problems with
     * the payer, requester or members come back as AAA at 2010A-D, once; a rejected event has AAA and no HCR.
     */
    public void write(GroupHeader group, List<Disposition> dispositions) {
        if (dispositions.isEmpty()) {
            return;
        }
        try {
            // one response group per request group, addressed back to that group's application sender
            if (!group.equals(currentGroup)) {
                if (currentGroup != null) {
                    x12.endGroup();
                }
                x12.startGroup("HI", group, X12Schemas.X217);
                currentGroup = group;
            }
            AuthorizationRequest first = dispositions.get(0).request();
            List<Rejection> upper = dispositions.stream().flatMap(d -> d.decision().rejections().stream())
                    .filter(r -> r.level().ordinal() <= RejectionLevel.DEPENDENT.ordinal()).distinct().toList();
            LocalDateTime now = LocalDateTime.now();
            x12.startTransaction("278", X12Schemas.X217, X12Schemas.get().response278());
            // a request that came as JSON has no BHT03 to echo: its authorization number stands in
            String reference = first.envelope() != null ? first.envelope().bhtReference()
                    : dispositions.get(0).primary() != null ? dispositions.get(0).primary().id() : "UNKNOWN";
            x12.segment("BHT", "0007", "11", reference,
                    now.format(X12Out.CCYYMMDD), now.format(X12Out.HHMM), "18");
            int hl = 0;
            x12.segment("HL", String.valueOf(++hl), null, "20", "1");
            name(first.payer());
            aaa(upper, RejectionLevel.PAYER, 0);
            x12.segment("HL", String.valueOf(++hl), "1", "21", "1");
            name(first.requester());
            aaa(upper, RejectionLevel.REQUESTER, 0);
            int subscriberHl = ++hl;
            x12.segment("HL", String.valueOf(subscriberHl), "2", "22", "1");
            member("IL", first.subscriber(), upper, RejectionLevel.SUBSCRIBER);
            int eventParent = subscriberHl;
            if (first.patient() != null) {
                eventParent = ++hl;
                x12.segment("HL", String.valueOf(eventParent), String.valueOf(subscriberHl), "23", "1");
                member("QC", first.patient(), upper, RejectionLevel.DEPENDENT);
            }
            for (Disposition disposition : dispositions) {
                hl = event(disposition, eventParent, hl);
            }
            x12.endTransaction();
        } catch (EDIStreamException e) {
            throw invalid(e);
        }
    }

    private int event(Disposition disposition, int parent, int hl) throws EDIStreamException {
        AuthorizationRequest request = disposition.request();
        Decision decision = disposition.decision();
        String id = disposition.primary() == null ? null : disposition.primary().id();
        List<Rejection> rejections = decision.rejections();
        int eventHl = ++hl;
        x12.segment("HL", String.valueOf(eventHl), String.valueOf(parent), "EV",
                request.serviceLines().isEmpty() ? "0" : "1");
        for (TraceNumber trace : request.traceNumbers()) {
            trn(trace);
        }
        aaa(rejections, RejectionLevel.EVENT, 0);
        x12.segment("UM", request.category().x12Code(), request.certificationType(), request.serviceType(),
                new String[] { request.placeOfService(), request.placeOfService() == null ? null
                        : request.placeOfServiceQualifier() != null ? request.placeOfServiceQualifier() : "B" });
        if (id != null) {
            x12.segment("HCR", decision.actionCode(), id);
            if (request.previousAuthorizationId() != null) {
                // a revision's answer names the authorization it revised, as its request did
                x12.segment("REF", "BB", request.previousAuthorizationId());
            }
            x12.segment("REF", "NT", id);
        }
        dates("AAH", request.serviceDates());
        Certification certified = decision.certification();
        if (certified != null && certified.dates() != null && certified.dates().start() != null) {
            x12.segment("DTP", "007", "D8", certified.dates().start().format(X12Out.CCYYMMDD));
            if (certified.dates().end() != null) {
                x12.segment("DTP", "036", "D8", certified.dates().end().format(X12Out.CCYYMMDD));
            }
        }
        List<Diagnosis> diagnoses = request.diagnoses();
        if (!diagnoses.isEmpty()) {
            Object[] hi = new Object[Math.min(12, diagnoses.size())];
            for (int i = 0; i < hi.length; i++) {
                hi[i] = new String[] { diagnoses.get(i).qualifier(), diagnoses.get(i).code() };
            }
            x12.segment("HI", hi);
        }
        if (certified != null && certified.quantity() != null) {
            x12.segment("HSD", certified.quantityQualifier(), certified.quantity().stripTrailingZeros().toPlainString());
        }
        String message = decision.message();
        if (message != null && !message.isBlank()) {
            x12.segment("MSG", X12Out.text(message, MSG_MAX));
        }
        if (rejections.stream().anyMatch(r -> r.level() == RejectionLevel.EVENT_PROVIDER)) {
            // the providers are echoed so each AAA sits under the provider it is about
            for (int i = 0; i < request.servicingProviders().size(); i++) {
                name(request.servicingProviders().get(i));
                aaa(rejections, RejectionLevel.EVENT_PROVIDER, i + 1);
            }
        }
        for (ServiceLine line : request.serviceLines()) {
            x12.segment("HL", String.valueOf(++hl), String.valueOf(eventHl), "SS", "0");
            for (TraceNumber trace : line.traceNumbers()) {
                trn(trace);
            }
            aaa(rejections, RejectionLevel.SERVICE, line.lineNumber());
            // a service line is always a health services review (UM01 HS) in the response, as in the request
            x12.segment("UM", "HS", request.certificationType(), line.serviceTypeCode());
            if (id != null) {
                x12.segment("HCR", decision.actionCode(), id);
            }
            dates("472", line.serviceDates());
            service(line);
        }
        return hl;
    }

    private void aaa(List<Rejection> rejections, RejectionLevel level, int index) throws EDIStreamException {
        int written = 0;
        for (Rejection r : rejections) {
            // AAA repeats at most 9 times a loop
            if (r.level() == level && r.index() == index && written++ < 9) {
                x12.segment("AAA", "N", null, r.reasonCode(), r.followUp());
            }
        }
    }

    private void service(ServiceLine line) throws EDIStreamException {
        String[] procedure = new String[6];
        procedure[0] = line.codeType().x12Qualifier();
        procedure[1] = line.code();
        for (int i = 0; i < Math.min(4, line.modifiers().size()); i++) {
            procedure[i + 2] = line.modifiers().get(i);
        }
        String quantity = line.quantity() == null ? null : line.quantity().stripTrailingZeros().toPlainString();
        switch (line.codeType()) {
            case REVENUE -> x12.segment("SV2", line.revenueCode() != null ? line.revenueCode() : line.code(), null, null,
                    quantity == null ? null : nonEmpty(line.unitType(), "UN"), quantity);
            case CDT -> x12.segment("SV3", procedure, null, null, null, null, quantity);
            default -> {
                if (line.revenueCode() != null) {
                    x12.segment("SV2", line.revenueCode(), procedure, null, quantity == null ? null : nonEmpty(line.unitType(), "UN"),
                            quantity);
                } else {
                    x12.segment("SV1", procedure, null, quantity == null ? null : nonEmpty(line.unitType(), "UN"), quantity);
                }
            }
        }
    }

    /** The request's TRN*1 comes back as TRN*2: a referenced trace number, same number and originator. */
    private void trn(TraceNumber trace) throws EDIStreamException {
        x12.segment("TRN", "2", trace.number(), trace.originator());
    }

    private void dates(String qualifier, DateRange range) throws EDIStreamException {
        if (range == null || range.start() == null) {
            return;
        }
        if (range.end() == null || range.end().equals(range.start())) {
            x12.segment("DTP", qualifier, "D8", range.start().format(X12Out.CCYYMMDD));
        } else {
            x12.segment("DTP", qualifier, "RD8", range.start().format(X12Out.CCYYMMDD) + "-" + range.end().format(X12Out.CCYYMMDD));
        }
    }

    private void name(Party party) throws EDIStreamException {
        x12.segment("NM1", party.entityCode(), party.organization() ? "2" : "1", party.lastOrOrganizationName(),
                party.organization() ? null : party.firstName(), party.organization() ? null : party.middleName(), null,
                null, party.idQualifier(), party.id());
    }

    private void member(String entityCode, Member member, List<Rejection> rejections, RejectionLevel level)
            throws EDIStreamException {
        x12.segment("NM1", entityCode, "1", member.lastName(), member.firstName(), member.middleName(), null,
                member.suffix(), member.memberId() == null ? null : "MI", member.memberId());
        aaa(rejections, level, 0);
    }

    /**
     * The 278 response a reviewer's decision sends: one interchange addressed back to whoever sent the request
     * (for a JSON request, to the requesting provider's NPI).
     */
    public static byte[] decided(Authorization authorization, long controlNumber, String payerId) {
        EnvelopeRef sent = authorization.request().envelope();
        InterchangeHeader to;
        GroupHeader group;
        if (sent != null) {
            to = new InterchangeHeader(sent.senderQualifier(), sent.senderId(), sent.receiverQualifier(), sent.receiverId(),
                    null, null, "00501", sent.interchangeControlNumber(), false, sent.usageIndicator());
            group = new GroupHeader("HI", sent.applicationSender(), sent.applicationReceiver(), null, null,
                    sent.groupControlNumber(), X12Schemas.X217);
        } else {
            String npi = authorization.request().requester() == null ? null : authorization.request().requester().id();
            to = new InterchangeHeader("ZZ", npi, "ZZ", payerId, null, null, "00501", null, false, "P");
            group = new GroupHeader("HI", npi, payerId, null, null, null, X12Schemas.X217);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ResponseWriter writer = new ResponseWriter(out, to, controlNumber);
        writer.write(group, List.of(Disposition.of(authorization)));
        writer.finish();
        return out.toByteArray();
    }

    /** Ends the response interchange; nothing is written when no transaction was accepted. */
    public void finish() {
        try {
            if (currentGroup != null) {
                x12.endGroup();
            }
            x12.endInterchange();
            x12.close();
        } catch (EDIStreamException e) {
            throw invalid(e);
        }
    }

    private static IllegalStateException invalid(EDIStreamException e) {
        return new IllegalStateException("the gateway built an invalid 278 response: " + e.getMessage(), e);
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
