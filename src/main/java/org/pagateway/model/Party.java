package org.pagateway.model;

/**
 * A payer, provider or other organization/person of an NM1 loop. Kept with the X12 entity code and
 * identifier qualifier so a 278 response can echo it exactly as it came.
 */
public record Party(
        PartyRole role,
        String entityCode,
        boolean organization,
        String lastOrOrganizationName,
        String firstName,
        String middleName,
        String idQualifier,
        String id,
        String taxonomy,
        Contact contact,
        Address address) {

    /** NM108 XX: the identifier is a National Provider Identifier. */
    public String npi() {
        return "XX".equals(idQualifier) ? id : null;
    }
}
