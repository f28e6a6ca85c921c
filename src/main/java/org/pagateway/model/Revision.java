package org.pagateway.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a provider asks to change on an authorization it already has (the seed's "Revise Request", concurrent
 * review): units added to a line, procedures added with their units, a date extension or change (which the seed
 * carries in the remarks), remarks, or a cancel. POST /api/v1/authorizations/{id}/revisions takes it as JSON;
 * an X12 278 with UM02 S, 4 or 3 becomes one.
 */
public record Revision(
        String requestedBy,
        List<UnitsAdded> addUnits,
        List<ProcedureAdded> addProcedures,
        LocalDate dateExtension,
        DateRange dateChange,
        String remarks,
        Boolean cancel) {

    public Revision {
        // left out means no: a revision cancels only when it says so
        cancel = cancel != null && cancel;
        addUnits = addUnits == null ? List.of() : List.copyOf(addUnits);
        addProcedures = addProcedures == null ? List.of() : List.copyOf(addProcedures);
    }

    /**
     * More units for a service line the authorization has (the seed's "Add Units"). The code, when given, must be
     * the line's: a different one is a corrected procedure code, which the payer does not take this way.
     */
    public record UnitsAdded(int line, String code, BigDecimal units) {
    }

    /** A procedure the authorization does not have yet, with the units asked for it (the seed's "Add Procedures"). */
    public record ProcedureAdded(String code, CodeType codeType, List<String> modifiers, BigDecimal units, String unitType) {
        public ProcedureAdded {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        }
    }
}
