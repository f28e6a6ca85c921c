package org.pagateway.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.CodeType;
import org.pagateway.model.Enrollee;
import org.pagateway.model.Member;
import org.pagateway.model.Party;
import org.pagateway.model.PartyRole;
import org.pagateway.model.Provider;
import org.pagateway.model.Rejection;
import org.pagateway.model.RejectionLevel;
import org.pagateway.model.ServiceLine;

/**
 * What makes a request unprocessable, level by level as the 278 response reports it (AAA at 2010A, 2010B,
 * 2010C, 2010D, 2000E, 2010EA, 2000F). A level with a problem stops the checks below it: a member cannot be
 * looked up for the wrong payer, nor a service checked for a member who is not found.
 */
public final class RequestChecks {

    private static final String C = Rejection.CORRECT_AND_RESUBMIT;

    private final PayerProfile profile;
    private final MemberRoster roster;
    private final ProviderDirectory directory;

    public RequestChecks(PayerProfile profile, MemberRoster roster, ProviderDirectory directory) {
        this.profile = profile;
        this.roster = roster;
        this.directory = directory;
    }

    /** The rejections found, and the member the request is for when the member checks passed. */
    public record Result(List<Rejection> rejections, Enrollee member) {
    }

    public Result check(AuthorizationRequest request, ServiceRule service) {
        List<Rejection> found = new ArrayList<>();
        Party payer = request.payer();
        // JSON clients call this payer's API and may leave the payer out; X12 always names it
        if (payer != null && payer.id() != null && !payer.id().equals(profile.payer().id())) {
            return new Result(List.of(new Rejection(RejectionLevel.PAYER, 0, "79", C, "payer.id",
                    "is not this payer's identifier (" + profile.payer().id() + ")")), null);
        }
        Party requester = request.requester();
        if (requester == null || requester.id() == null) {
            return new Result(List.of(new Rejection(RejectionLevel.REQUESTER, 0, "15", C, "requester.id",
                    "the requesting provider's NPI is required")), null);
        }
        if (directory.find(requester.id()).isEmpty()) {
            return new Result(List.of(new Rejection(RejectionLevel.REQUESTER, 0, "51", C, "requester.id",
                    "provider " + requester.id() + " is not on file with the payer")), null);
        }
        LocalDate serviceDay = serviceDay(request);
        Enrollee subscriber = subscriber(request.subscriber(), serviceDay, found);
        if (subscriber == null) {
            return new Result(found, null);
        }
        Enrollee member = subscriber;
        if (request.patient() != null) {
            member = dependent(request.patient(), subscriber, serviceDay, found);
            if (member == null) {
                return new Result(found, null);
            }
        }
        event(request, service, found);
        return new Result(found, member);
    }

    private Enrollee subscriber(Member sent, LocalDate day, List<Rejection> found) {
        if (sent == null || sent.memberId() == null || sent.memberId().isBlank()) {
            found.add(new Rejection(RejectionLevel.SUBSCRIBER, 0, "72", C, "subscriber.memberId", "the member ID is required"));
            return null;
        }
        Optional<Enrollee> enrollee = roster.find(sent.memberId());
        if (enrollee.isEmpty()) {
            found.add(new Rejection(RejectionLevel.SUBSCRIBER, 0, "75", C, "subscriber.memberId",
                    "no member " + sent.memberId() + " on the payer's roster"));
            return null;
        }
        return eligible(enrollee.get(), sent, day, RejectionLevel.SUBSCRIBER, "subscriber", found);
    }

    private Enrollee dependent(Member sent, Enrollee subscriber, LocalDate day, List<Rejection> found) {
        Optional<Enrollee> match = sent.memberId() != null && !sent.memberId().isBlank()
                ? roster.find(sent.memberId()).filter(d -> subscriber.memberId().equals(d.subscriberId()))
                : roster.dependentsOf(subscriber.memberId()).stream()
                        .filter(d -> d.firstName() != null && d.firstName().equalsIgnoreCase(sent.firstName()))
                        .filter(d -> sent.birthDate() == null || sent.birthDate().equals(d.birthDate()))
                        .findFirst();
        if (match.isEmpty()) {
            found.add(new Rejection(RejectionLevel.DEPENDENT, 0, "67", C, "patient",
                    "no such dependent enrolled under member " + subscriber.memberId()));
            return null;
        }
        return eligible(match.get(), sent, day, RejectionLevel.DEPENDENT, "patient", found);
    }

    private static Enrollee eligible(Enrollee enrollee, Member sent, LocalDate day, RejectionLevel level, String field,
            List<Rejection> found) {
        if (sent.birthDate() != null && enrollee.birthDate() != null && !sent.birthDate().equals(enrollee.birthDate())) {
            found.add(new Rejection(level, 0, "71", C, field + ".birthDate", "does not match the payer's records"));
            return null;
        }
        if (!enrollee.coveredOn(day)) {
            found.add(new Rejection(level, 0, "95", Rejection.NO_RESUBMISSION, field + ".memberId",
                    "the member is not covered on " + day + (enrollee.coverageEnd() != null && day.isAfter(enrollee.coverageEnd())
                            ? " (coverage ended " + enrollee.coverageEnd() + ")" : "")));
            return null;
        }
        return enrollee;
    }

    private void event(AuthorizationRequest request, ServiceRule service, List<Rejection> found) {
        if (request.serviceDates() != null && request.serviceDates().start() != null && request.serviceDates().end() != null
                && request.serviceDates().start().isAfter(request.serviceDates().end())) {
            found.add(new Rejection(RejectionLevel.EVENT, 0, "57", C, "serviceDates", "the start date is after the end date"));
        }
        for (ServiceRule.ProviderRequirement requirement : service.requires()) {
            providers(request, service, requirement, found);
        }
        found.addAll(codes(request, service));
    }

    /** The service's code rules: the lines must carry the codes it needs (the seed's code requirements table). */
    public List<Rejection> codes(AuthorizationRequest request, ServiceRule service) {
        ServiceRule.Codes codes = service.codes();
        if (codes == null) {
            return List.of();
        }
        if (request.serviceLines().isEmpty()) {
            return List.of(new Rejection(RejectionLevel.EVENT, 0, "AG", C, "serviceLines",
                    service.name() + " needs a procedure code (" + describe(codes) + ")"));
        }
        List<Rejection> found = new ArrayList<>();
        for (int i = 0; i < request.serviceLines().size(); i++) {
            ServiceLine line = request.serviceLines().get(i);
            if (!fits(line, codes)) {
                found.add(new Rejection(RejectionLevel.SERVICE, line.lineNumber() > 0 ? line.lineNumber() : i + 1, "AG", C,
                        "serviceLines[" + i + "].code", service.name() + " needs " + describe(codes)));
            }
        }
        return found;
    }

    private void providers(AuthorizationRequest request, ServiceRule service, ServiceRule.ProviderRequirement requirement,
            List<Rejection> found) {
        List<Party> servicing = request.servicingProviders();
        switch (requirement) {
            case FACILITY -> {
                if (servicing.stream().noneMatch(p -> p.role() == PartyRole.FACILITY)) {
                    found.add(new Rejection(RejectionLevel.EVENT, 0, "15", C, "servicingProviders",
                            service.name() + " needs the facility among the servicing providers"));
                }
            }
            case SURGEON -> {
                if (servicing.stream().noneMatch(p -> p.role() == PartyRole.SURGEON)) {
                    found.add(new Rejection(RejectionLevel.EVENT, 0, "15", C, "servicingProviders",
                            service.name() + " needs the surgeon among the servicing providers"));
                }
            }
            case INDIVIDUAL -> {
                if (servicing.stream().allMatch(Party::organization)) {
                    found.add(new Rejection(RejectionLevel.EVENT, 0, "15", C, "servicingProviders",
                            service.name() + " needs the individual provider as servicing provider"));
                }
            }
            case DME_VENDOR -> {
                if (servicing.isEmpty()) {
                    found.add(new Rejection(RejectionLevel.EVENT, 0, "15", C, "servicingProviders",
                            service.name() + " needs the DME vendor as servicing provider"));
                    return;
                }
                for (int i = 0; i < servicing.size(); i++) {
                    String npi = servicing.get(i).id();
                    if (directory.find(npi).filter(Provider::dmeVendor).isEmpty()) {
                        found.add(new Rejection(RejectionLevel.EVENT_PROVIDER, i + 1, "53", C, "servicingProviders[" + i + "].id",
                                "provider " + npi + " is not a DME vendor with the payer; the servicing provider must be the DME vendor"));
                    }
                }
            }
        }
    }

    private static boolean fits(ServiceLine line, ServiceRule.Codes codes) {
        if (!codes.revenueCodes().isEmpty()) {
            return line.revenueCode() != null ? codes.revenueCodes().contains(line.revenueCode())
                    : line.codeType() == CodeType.REVENUE && DecisionEngine.has(codes.revenueCodes(), line.code());
        }
        if (!codes.types().isEmpty() && (line.codeType() == null || !codes.types().contains(line.codeType()))) {
            return false;
        }
        return codes.ranges().isEmpty() || codes.ranges().stream().map(CodeRange::parse).anyMatch(r -> r.contains(line.code()));
    }

    private static String describe(ServiceRule.Codes codes) {
        if (!codes.revenueCodes().isEmpty()) {
            return "revenue code " + String.join(" or ", codes.revenueCodes());
        }
        String types = codes.types().isEmpty() ? "a procedure code"
                : String.join("/", codes.types().stream().map(Enum::name).toList()) + " codes";
        return codes.ranges().isEmpty() ? types : types + " " + String.join(", ", codes.ranges());
    }

    /** The day eligibility is checked for: the first day of service, else of admission, else of the first line. */
    static LocalDate serviceDay(AuthorizationRequest request) {
        if (request.serviceDates() != null && request.serviceDates().start() != null) {
            return request.serviceDates().start();
        }
        if (request.admissionDates() != null && request.admissionDates().start() != null) {
            return request.admissionDates().start();
        }
        return request.serviceLines().stream().filter(l -> l.serviceDates() != null && l.serviceDates().start() != null)
                .map(l -> l.serviceDates().start()).findFirst().orElse(LocalDate.now());
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
