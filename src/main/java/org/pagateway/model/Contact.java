package org.pagateway.model;

/** PER: a named contact with 10-digit phone and fax numbers (digits only). */
public record Contact(String name, String phone, String fax, String email) {
}
