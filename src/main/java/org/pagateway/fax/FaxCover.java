package org.pagateway.fax;

import java.time.ZonedDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pagateway.model.Address;
import org.pagateway.model.Authorization;
import org.pagateway.model.Party;
import org.pagateway.rules.PayerProfile;

/**
 * What the seed's fax cover sheet carries: who it goes to, the authorization it belongs to, who sends it and
 * when the request was submitted online (the seed asks for that date/time on the cover so the payer can match
 * clinicals faxed before the request reached its system), what is enclosed, and the confidentiality notice.
 * Null addressee, fax number or notice take the seed's.
 */
public record FaxCover(
        String to,
        String faxNumber,
        String authorizationId,
        String from,
        String site,
        String npi,
        String phone,
        ZonedDateTime submittedAt,
        String contents,
        String notice) {

    public static final String PAYER = "AllWays Health Partners";
    public static final String FAX = "617-586-1700";

    /** The seed's Notice of Confidentiality, word for word. */
    public static final String CONFIDENTIALITY = "This transmission is intended only for the addressee listed above"
            + " and may contain information that is confidential and/or legally privileged. If you are not the"
            + " addressee, any use, disclosure, copying or communication of the contents of this transmission is"
            + " prohibited. If this message was received in error, please telephone us immediately at 617-772-5500"
            + " and we will arrange for the return to us of the original document at no cost to you.";

    public FaxCover {
        to = to == null || to.isBlank() ? PAYER : to;
        faxNumber = faxNumber == null || faxNumber.isBlank() ? FAX : faxNumber;
        notice = notice == null || notice.isBlank() ? CONFIDENTIALITY : notice;
    }

    /**
     * The cover for clinicals of a stored authorization: to the payer of the profile, from its requesting provider
     * (the site is the provider's address, the phone its contact's), dated when the gateway accepted the request
     * in the payer's time zone.
     */
    public static FaxCover of(Authorization authorization, PayerProfile profile, String contents) {
        Party requester = authorization.request().requester();
        String phone = requester == null || requester.contact() == null ? null : requester.contact().phone();
        PayerProfile.Payer payer = profile.payer();
        return new FaxCover(payer.name(), payer.fax(), authorization.id(), Printed.name(requester), site(requester),
                requester == null ? null : requester.npi(), Printed.phone(phone),
                authorization.createdAt().atZone(payer.zone()), contents,
                CONFIDENTIALITY.replace("617-772-5500", payer.confidentialityPhone()));
    }

    private static String site(Party requester) {
        if (requester == null || requester.address() == null) {
            return null;
        }
        Address a = requester.address();
        return Stream.of(a.line1(), a.line2(), a.city(), Printed.text(a.state()) + " " + Printed.text(a.postalCode()))
                .map(Printed::text)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
