package org.pagateway.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.Certification;
import org.pagateway.model.Decision;
import org.pagateway.model.Outcome;
import org.pagateway.model.Party;
import org.pagateway.model.PartyRole;
import org.pagateway.model.Rejection;
import org.pagateway.model.RequestCategory;
import org.pagateway.model.ServiceLine;
import org.pagateway.store.ReferenceFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what can be decided at once, under the payer profile: rejections, vendor redirects, fax-only
 * services, benefit-limit denials and auto-approvals are answered in real time; everything else is pended
 * for a person and routed to review.&lt;medical|pend|fax&gt;.&lt;queue&gt;. During the maintenance window, or when
 * the reference data cannot be read, the request is pended with the seed's "processed later" text.
 */
public final class DecisionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionEngine.class);

    /** What a provider faxes for a request that waits for review. */
    public static final String CLINICAL_NOTES = "clinical notes";

    private final PayerProfile profile;
    private final RequestChecks checks;
    private final FaxFallback faxFallback;

    public DecisionEngine(PayerProfile profile, MemberRoster roster, ProviderDirectory directory) {
        this.profile = profile;
        this.checks = new RequestChecks(profile, roster, directory);
        this.faxFallback = new FaxFallback(profile);
    }

    /** The profile and the made-up reference data shipped under config/. */
    public static DecisionEngine standard() {
        return new DecisionEngine(PayerProfile.standard(), ReferenceFiles.roster(null), ReferenceFiles.directory(null));
    }

    public PayerProfile profile() {
        return profile;
    }

    public FaxFallback faxFallback() {
        return faxFallback;
    }

    public Ruling decide(AuthorizationRequest request, Instant now) {
        ServiceRule service = service(request);
        if (profile.maintenanceWindow() != null
                && profile.maintenanceWindow().contains(LocalDateTime.ofInstant(now, profile.payer().zone()))) {
            return pend(request, service, "received during the payer's monthly maintenance window",
                    "Received during the payer's maintenance window; it will be processed at a later time.", CLINICAL_NOTES);
        }
        RequestChecks.Result checked;
        try {
            checked = checks.check(request, service);
        } catch (RuntimeException e) {
            // no real-time answer without the roster or directory: accept, and let a person decide
            LOG.warn("reference data unavailable, request pended: {}", e.getClass().getName());
            return pend(request, service, "eligibility could not be checked in real time",
                    "Received; it will be processed at a later time.", CLINICAL_NOTES);
        }
        if (!checked.rejections().isEmpty()) {
            return new Ruling(new Decision(Outcome.REJECTED, AuthorizationStatus.CLOSED, null,
                    checked.rejections().stream().map(r -> r.field() + " " + r.reason()).toList(), null, null,
                    checked.rejections().get(0).reason(), checked.rejections(), null, null, null, null, null), List.of());
        }
        if (service.vendor() != null) {
            String text = service.name() + " are requested through " + service.vendor() + ", not through this payer.";
            return new Ruling(new Decision(Outcome.REDIRECTED, AuthorizationStatus.CLOSED, "CT", List.of(text), null, null,
                    text, null, null, service.vendor(), null, null, null), List.of(request));
        }
        String product = checked.member().product();
        if (individualConsideration(request) || !service.priorAuthorizationProducts().isEmpty()
                && !has(service.priorAuthorizationProducts(), product)) {
            String text = "Individual consideration. " + service.name() + " beyond the benefit limit is requested by fax to "
                    + profile.payer().fax() + ", with the fax cover sheet of this authorization and the clinical notes.";
            return new Ruling(new Decision(Outcome.FAX_ONLY, AuthorizationStatus.PEND, "A4",
                    List.of("individual consideration: fax only"), queue("fax", service), text,
                    "Individual consideration; requested by fax only.", null, null, null, null, null, null),
                    List.of(request), "the request with the clinical notes");
        }
        AuthorizationRequest amended = withEvaluationVisit(request, service);
        BigDecimal units = requestedUnits(amended);
        ServiceRule.BenefitLimit limit = service.benefitLimit();
        if (limit != null && has(limit.products(), product) && units.compareTo(BigDecimal.valueOf(limit.visits())) > 0) {
            String text = "Not certified. " + profile.products().getOrDefault(product, product) + " members have at most "
                    + limit.visits() + " " + service.name().toLowerCase(Locale.ROOT) + " visits a benefit period.";
            return new Ruling(new Decision(Outcome.DENIED, AuthorizationStatus.DENIED, "A3", List.of(text), null, null, text,
                    null, null, null, null, null, null), List.of(amended));
        }
        if (service.documentsRequired() && amended.attachments().isEmpty()) {
            return pend(amended, service, "physician prescription and clinical documentation required",
                    "Pended; physician prescription and clinical documentation required (upload them, or fax them).",
                    "the physician prescription and clinical documentation");
        }
        if (service.autoApprove() != null && units.signum() > 0
                && units.compareTo(BigDecimal.valueOf(service.autoApprove().visits())) <= 0) {
            Certification certification = new Certification(
                    amended.quantityQualifier() != null ? amended.quantityQualifier() : "VS", units, amended.serviceDates());
            String text = "Certified for " + units.stripTrailingZeros().toPlainString() + " visit(s).";
            return new Ruling(new Decision(Outcome.APPROVED, AuthorizationStatus.APPROVED, "A1",
                    List.of(service.name() + " within " + service.autoApprove().visits() + " visits: approved in real time"),
                    null, null, text, null, certification, null, null, "rules", null), List.of(amended));
        }
        Outcome outcome = service.decision() == Outcome.PEND ? Outcome.PEND : Outcome.MEDREVIEW;
        Decision decision = new Decision(outcome,
                outcome == Outcome.PEND ? AuthorizationStatus.PEND : AuthorizationStatus.MEDREVIEW, "A4",
                List.of(service.name() + ": " + (outcome == Outcome.PEND ? "pended" : "medical review")),
                queue(outcome == Outcome.PEND ? "pend" : "medical", service), faxFallback.processedLater(),
                (outcome == Outcome.PEND ? "Pended" : "Pended for medical review") + "; clinical notes may be uploaded.",
                null, null, null, null, null, null);
        return new Ruling(decision, service.separateSurgeonAuthorization() ? facilityAndSurgeon(amended) : List.of(amended),
                CLINICAL_NOTES);
    }

    /** The first service of the profile that recognises the request; the profile's last one catches all. */
    public ServiceRule service(AuthorizationRequest request) {
        for (ServiceRule rule : profile.services()) {
            if (rule.match().stream().anyMatch(m -> matches(m, request))) {
                return rule;
            }
        }
        return profile.services().get(profile.services().size() - 1);
    }

    private static boolean matches(ServiceRule.Match match, AuthorizationRequest request) {
        if (!match.categories().isEmpty()
                && (request.category() == null || !match.categories().contains(request.category().x12Code()))) {
            return false;
        }
        if (!match.serviceTypes().isEmpty() && !has(match.serviceTypes(), request.serviceType())
                && request.serviceLines().stream().noneMatch(l -> has(match.serviceTypes(), l.serviceTypeCode()))) {
            return false;
        }
        if (!match.procedures().isEmpty() && request.serviceLines().stream()
                .noneMatch(l -> match.procedures().stream().map(CodeRange::parse).anyMatch(r -> r.contains(l.code())))) {
            return false;
        }
        return match.revenueCodes().isEmpty()
                || request.serviceLines().stream().anyMatch(l -> has(match.revenueCodes(), l.revenueCode())
                        || has(match.revenueCodes(), l.code()));
    }

    /** List.contains, for the immutable lists of the profile that refuse to look for null. */
    static boolean has(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    private Ruling pend(AuthorizationRequest request, ServiceRule service, String reason, String message, String faxContents) {
        return new Ruling(new Decision(Outcome.PEND, AuthorizationStatus.PEND, "A4", List.of(reason), queue("pend", service),
                faxFallback.processedLater(), message, null, null, null, null, null, null), List.of(request), faxContents);
    }

    /** The medical review queue of the service the request is for: where a revised authorization waits. */
    public String medicalReviewQueue(AuthorizationRequest request) {
        return queue("medical", service(request));
    }

    /** The service's code rules applied to the request's lines (AAA AG at 2000F for each line that breaks them). */
    public List<Rejection> codeRejections(AuthorizationRequest request) {
        return checks.codes(request, service(request));
    }

    private static String queue(String kind, ServiceRule service) {
        return "review." + kind + "." + (service.queue() != null ? service.queue() : service.id());
    }

    /** The seed: a request the provider marks as individual consideration stays a fax request. */
    private static boolean individualConsideration(AuthorizationRequest request) {
        return request.remarks() != null && request.remarks().toLowerCase(Locale.ROOT).contains("individual consideration");
    }

    /**
     * OT/PT and speech therapy: "Evaluation: add 1 visit to total visits requested and note in Remarks '1 Visit'".
     * When an evaluation code is among the lines, the visits asked for cover the treatment visits plus one.
     */
    AuthorizationRequest withEvaluationVisit(AuthorizationRequest request, ServiceRule service) {
        List<CodeRange> evaluations = service.evaluationCodes().stream().map(CodeRange::parse).toList();
        if (evaluations.isEmpty()) {
            return request;
        }
        List<ServiceLine> lines = request.serviceLines();
        if (lines.stream().noneMatch(l -> evaluations.stream().anyMatch(r -> r.contains(l.code())))) {
            return request;
        }
        BigDecimal treatment = RequestChecks.sum(lines.stream()
                .filter(l -> evaluations.stream().noneMatch(r -> r.contains(l.code())) && l.quantity() != null)
                .map(ServiceLine::quantity).toList());
        BigDecimal visits = treatment.add(BigDecimal.ONE);
        BigDecimal quantity = request.quantity() == null || request.quantity().compareTo(visits) < 0 ? visits : request.quantity();
        String remarks = request.remarks() == null ? "" : request.remarks();
        if (!remarks.toLowerCase(Locale.ROOT).contains("1 visit")) {
            String note = "1 visit for Evaluation.";
            remarks = remarks.isEmpty() ? note : note + " " + remarks;
            if (remarks.length() > profile.limits().remarks()) {
                remarks = remarks.substring(0, profile.limits().remarks());
            }
        }
        return request.withQuantity(request.quantityQualifier() != null ? request.quantityQualifier() : "VS", quantity)
                .withRemarks(remarks);
    }

    /** HSD02 when sent, else the units of the service lines. */
    static BigDecimal requestedUnits(AuthorizationRequest request) {
        if (request.quantity() != null) {
            return request.quantity();
        }
        return RequestChecks.sum(request.serviceLines().stream().map(ServiceLine::quantity)
                .filter(q -> q != null).toList());
    }

    /**
     * Surgical day care: one authorization for the facility and one for the surgeon, as the seed's portal
     * makes them. Each carries its own servicing provider; the other servicing providers stay with the facility.
     */
    private static List<AuthorizationRequest> facilityAndSurgeon(AuthorizationRequest request) {
        List<Party> surgeons = request.servicingProviders().stream().filter(p -> p.role() == PartyRole.SURGEON).toList();
        if (surgeons.isEmpty() || request.category() != RequestCategory.HEALTH_SERVICES_REVIEW) {
            return List.of(request);
        }
        List<Party> facility = new ArrayList<>(request.servicingProviders());
        facility.removeAll(surgeons);
        return List.of(request.withServicingProviders(facility), request.withServicingProviders(surgeons));
    }
}
