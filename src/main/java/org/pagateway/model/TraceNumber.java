package org.pagateway.model;

/** TRN: the submitter's trace number for a request or line, and who assigned it (TRN03, usually 1 + EIN). */
public record TraceNumber(String number, String originator) {
}
