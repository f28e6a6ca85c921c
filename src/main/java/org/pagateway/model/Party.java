package org.pagateway.model;

import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonIgnore;

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

    /** As the seed's portal prints a provider: "KOWALCZYK, RENATA M" for a person, the name as given for an organization. */
    @JsonIgnore
    public String displayName() {
        String last = lastOrOrganizationName == null ? "" : lastOrOrganizationName.strip();
        if (organization) {
            return last;
        }
        StringJoiner given = new StringJoiner(" ");
        if (firstName != null && !firstName.isBlank()) {
            given.add(firstName.strip());
        }
        if (middleName != null && !middleName.isBlank()) {
            given.add(middleName.strip());
        }
        return given.length() == 0 ? last : last + ", " + given;
    }
}
