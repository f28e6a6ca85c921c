package org.pagateway.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A reviewer's decision as POST /api/v1/reviews/{id}/decision takes it. */
public record ReviewDecision(ReviewAction action, String reviewer, BigDecimal units, LocalDate startDate,
        LocalDate endDate, String reason) {
}
