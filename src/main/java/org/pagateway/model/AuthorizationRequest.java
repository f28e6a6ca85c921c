package org.pagateway.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The canonical authorization request: one patient event (a 2000E loop, or one JSON request).
 * X12 and JSON are only ways in; everything downstream works on this. A revision (UM02 S revised, 4 extension,
 * 3 cancel) names the authorization it revises: the 2000E REF*BB "Previous Review Authorization Number".
 */
public record AuthorizationRequest(
        RequestCategory category,
        String certificationType,
        String serviceType,
        String placeOfService,
        String placeOfServiceQualifier,
        String levelOfService,
        Party payer,
        Party requester,
        Member subscriber,
        Member patient,
        List<Diagnosis> diagnoses,
        List<ServiceLine> serviceLines,
        List<Party> servicingProviders,
        DateRange serviceDates,
        DateRange admissionDates,
        String quantityQualifier,
        BigDecimal quantity,
        String remarks,
        List<Attachment> attachments,
        List<TraceNumber> traceNumbers,
        EnvelopeRef envelope,
        String previousAuthorizationId) {

    public AuthorizationRequest {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        serviceLines = serviceLines == null ? List.of() : List.copyOf(serviceLines);
        servicingProviders = servicingProviders == null ? List.of() : List.copyOf(servicingProviders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        traceNumbers = traceNumbers == null ? List.of() : List.copyOf(traceNumbers);
    }

    /** UM02 codes of a request that changes an earlier authorization instead of asking for a new one. */
    public static final List<String> REVISION_TYPES = List.of("S", "4", "3");

    @JsonIgnore
    public boolean isDependent() {
        return patient != null;
    }

    /** The event's dates, else those of the first line that has some, else the admission's: what the viewer shows. */
    @JsonIgnore
    public DateRange servicePeriod() {
        if (serviceDates != null) {
            return serviceDates;
        }
        // an admission's lines span the stay; its admission date alone is one day
        return serviceLines.stream().map(ServiceLine::serviceDates).filter(d -> d != null).findFirst().orElse(admissionDates);
    }

    /** UM02 S (revised), 4 (extension) or 3 (cancel): a revision of {@link #previousAuthorizationId()}. */
    @JsonIgnore
    public boolean isRevision() {
        return certificationType != null && REVISION_TYPES.contains(certificationType);
    }

    public AuthorizationRequest withEnvelope(EnvelopeRef ref) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, quantityQualifier, quantity, remarks, attachments, traceNumbers, ref, previousAuthorizationId);
    }

    public AuthorizationRequest withRemarks(String newRemarks) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, quantityQualifier, quantity, newRemarks, attachments, traceNumbers, envelope, previousAuthorizationId);
    }

    public AuthorizationRequest withQuantity(String qualifier, BigDecimal newQuantity) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, qualifier, newQuantity, remarks, attachments, traceNumbers, envelope, previousAuthorizationId);
    }

    public AuthorizationRequest withServicingProviders(List<Party> providers) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, providers, serviceDates,
                admissionDates, quantityQualifier, quantity, remarks, attachments, traceNumbers, envelope, previousAuthorizationId);
    }

    public AuthorizationRequest withServiceLines(List<ServiceLine> lines, BigDecimal newQuantity) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, lines, servicingProviders, serviceDates,
                admissionDates, quantityQualifier, newQuantity, remarks, attachments, traceNumbers, envelope,
                previousAuthorizationId);
    }
}
