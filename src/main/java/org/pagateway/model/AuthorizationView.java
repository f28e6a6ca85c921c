package org.pagateway.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One authorization as the seed's "Authorizations & Referrals Viewer" shows it (member, product, PCP, referred
 * by / to, pay to, diagnosis, status, dates, service lines with total and used units, documents), with the
 * canonical request, its decision and its history beside it. What GET /api/v1/authorizations/{id} answers.
 */
public record AuthorizationView(
        String id,
        AuthorizationStatus status,
        String requestType,
        String inpatientOutpatient,
        String memberId,
        String product,
        String productName,
        ProviderRef pcp,
        ProviderRef referredBy,
        ProviderRef referredTo,
        ProviderRef payTo,
        String diagnosisCode,
        List<String> diagnosisCodes,
        LocalDate authorizationDate,
        LocalDate serviceStart,
        LocalDate serviceEnd,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Line> serviceLines,
        Channel channel,
        String sourceName,
        Instant createdAt,
        AuthorizationRequest request,
        Decision decision,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Document> documents,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<HistoryEntry> history) {

    public AuthorizationView {
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        serviceLines = serviceLines == null ? List.of() : List.copyOf(serviceLines);
        documents = documents == null ? List.of() : List.copyOf(documents);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A service line of the viewer: its status (the authorization's), code, units asked for in total and units used.
     * The gateway sees no claims, so used units are always 0, as on a new authorization in the seed's viewer.
     */
    public record Line(int line, AuthorizationStatus status, String code, CodeType codeType, List<String> modifiers,
            BigDecimal totalUnits, BigDecimal usedUnits, String unitType, DateRange serviceDates) {
        public Line {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        }
    }
}
