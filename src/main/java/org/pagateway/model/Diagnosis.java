package org.pagateway.model;

/** HI: an ICD-10-CM code with its qualifier (ABK principal, ABF other, ABJ admitting...). */
public record Diagnosis(String qualifier, String code) {
}
