package org.pagateway.model;

/** How a clinical document reached the payer: uploaded by the provider, or faxed with the cover sheet. */
public enum DocumentSource {
    UPLOAD, FAX
}
