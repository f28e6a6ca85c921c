package org.pagateway.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The canonical authorization request: one patient event (a 2000E loop, or one JSON request).
 * X12 and JSON are only ways in; everything downstream works on this.
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
        EnvelopeRef envelope) {

    public AuthorizationRequest {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        serviceLines = serviceLines == null ? List.of() : List.copyOf(serviceLines);
        servicingProviders = servicingProviders == null ? List.of() : List.copyOf(servicingProviders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        traceNumbers = traceNumbers == null ? List.of() : List.copyOf(traceNumbers);
    }

    @JsonIgnore
    public boolean isDependent() {
        return patient != null;
    }

    public AuthorizationRequest withEnvelope(EnvelopeRef ref) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, quantityQualifier, quantity, remarks, attachments, traceNumbers, ref);
    }

    public AuthorizationRequest withRemarks(String newRemarks) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, quantityQualifier, quantity, newRemarks, attachments, traceNumbers, envelope);
    }

    public AuthorizationRequest withQuantity(String qualifier, BigDecimal newQuantity) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, servicingProviders, serviceDates,
                admissionDates, qualifier, newQuantity, remarks, attachments, traceNumbers, envelope);
    }

    public AuthorizationRequest withServicingProviders(List<Party> providers) {
        return new AuthorizationRequest(category, certificationType, serviceType, placeOfService,
                placeOfServiceQualifier, levelOfService,
                payer, requester, subscriber, patient, diagnoses, serviceLines, providers, serviceDates,
                admissionDates, quantityQualifier, quantity, remarks, attachments, traceNumbers, envelope);
    }
}
