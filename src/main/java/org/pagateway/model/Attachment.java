package org.pagateway.model;

/** PWK: paperwork the provider sends or will send (report type, how it travels, control number). */
public record Attachment(String reportType, String transmissionCode, String controlNumber) {
}
