package org.pagateway.model;

import java.math.BigDecimal;
import java.util.List;

/** 2000F: one requested service (SV1 professional, SV2 institutional, SV3 dental). */
public record ServiceLine(
        int lineNumber,
        String serviceTypeCode,
        CodeType codeType,
        String code,
        String revenueCode,
        List<String> modifiers,
        BigDecimal quantity,
        String unitType,
        DateRange serviceDates,
        List<TraceNumber> traceNumbers,
        List<Party> providers) {

    public ServiceLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        traceNumbers = traceNumbers == null ? List.of() : List.copyOf(traceNumbers);
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
