package org.pagateway.model;

import java.time.LocalDate;

/**
 * A member on the payer's roster: a subscriber (subscriberId empty or equal to memberId) or a dependent of
 * one, with the product and the coverage dates that make them eligible.
 */
public record Enrollee(
        String memberId,
        String subscriberId,
        String lastName,
        String firstName,
        LocalDate birthDate,
        String gender,
        String product,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        String pcpNpi) {

    /** Covered on that day: a member whose coverage ended before it is termed. */
    public boolean coveredOn(LocalDate day) {
        return (coverageStart == null || !day.isBefore(coverageStart)) && (coverageEnd == null || !day.isAfter(coverageEnd));
    }
}
