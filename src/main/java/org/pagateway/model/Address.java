package org.pagateway.model;

/** N3/N4. */
public record Address(String line1, String line2, String city, String state, String postalCode) {
}
