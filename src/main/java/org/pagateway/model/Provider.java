package org.pagateway.model;

/** A provider in the payer's directory: its NPI, the site it belongs to and whether it is a DME vendor. */
public record Provider(String npi, String name, boolean organization, String site, boolean dmeVendor, String taxonomy) {
}
