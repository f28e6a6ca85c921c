package org.pagateway.model;

import java.time.LocalDate;

/** A subscriber (2000C) or dependent (2000D). */
public record Member(
        String memberId,
        String lastName,
        String firstName,
        String middleName,
        String suffix,
        LocalDate birthDate,
        String gender,
        String relationshipCode) {
}
