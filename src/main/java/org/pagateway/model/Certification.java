package org.pagateway.model;

import java.math.BigDecimal;

/** What an approval covers: the units or visits (HSD) and the dates (DTP 007 effective / 036 expiration). */
public record Certification(String quantityQualifier, BigDecimal quantity, DateRange dates) {
}
