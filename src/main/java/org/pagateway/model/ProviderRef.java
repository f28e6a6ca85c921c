package org.pagateway.model;

/** A provider as the seed's viewer names it: "BOSTON MEDICAL CENTER (1346218294)", with its site when known. */
public record ProviderRef(String name, String npi, String site) {
}
