package org.pagateway.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pagateway.model.Authorization;
import org.pagateway.model.AuthorizationRequest;
import org.pagateway.model.AuthorizationStatus;
import org.pagateway.model.CodeType;
import org.pagateway.model.DateRange;
import org.pagateway.model.Decision;
import org.pagateway.model.Outcome;
import org.pagateway.model.Rejection;
import org.pagateway.model.RejectionLevel;
import org.pagateway.model.Revision;
import org.pagateway.model.ServiceLine;
import org.pagateway.model.TraceNumber;

/**
 * The seed's concurrent-review rules for a provider's revision: only APPROVED and MEDREVIEW authorizations may be
 * revised; units may be added to a line and procedures added with their units; a date extension or change is
 * carried in the remarks; a corrected procedure code is refused with the payer's instruction (put it in the
 * remarks); a cancel closes the authorization (HCR C). Anything else puts the authorization in MEDREVIEW on its
 * service's medical review queue, where a reviewer certifies what the revision asks for.
 */
public final class RevisionRules {

    /** HCR01 of a cancelled authorization. */
    public static final String CANCELLED = "C";
    /** What a provider faxes for a revision waiting for review. */
    public static final String REVISION_CONTENTS = "clinical notes supporting the revision";

    private static final String C = Rejection.CORRECT_AND_RESUBMIT;
    private static final int MAX_REQUESTED_BY = 128;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final DecisionEngine engine;
    private final PayerProfile profile;

    public RevisionRules(DecisionEngine engine) {
        this.engine = engine;
        this.profile = engine.profile();
    }

    /** The authorization's request and decision once revised, and what the revision did in words (for the history). */
    public record Revised(AuthorizationRequest request, Decision decision, String summary) {
    }

    /**
     * The seed's instruction, in this payer's name: "AllWays Health Partners will not accept corrected procedure
     * codes through AllWaysProvider.org. Please submit a revision and put the corrected code in the remarks."
     */
    public String correctedCodeInstruction() {
        return profile.payer().name() + " will not accept corrected procedure codes through this gateway."
                + " Please submit a revision and put the corrected code in the remarks.";
    }

    /** @throws RevisionRefused when the status, the fields or the codes do not allow the revision */
    public Revised apply(Authorization current, Revision revision, Instant now) {
        List<Rejection> invalid = validate(revision);
        if (!invalid.isEmpty()) {
            throw new RevisionRefused(RevisionRefused.Kind.INVALID,
                    invalid.size() + " field(s) of the revision are not acceptable", invalid);
        }
        AuthorizationStatus status = current.status();
        if (!status.revisable()) {
            String reason = "Authorization " + current.id() + " is " + status
                    + "; only APPROVED and MEDREVIEW authorizations may be revised";
            throw new RevisionRefused(RevisionRefused.Kind.NOT_REVISABLE, reason,
                    List.of(new Rejection(RejectionLevel.EVENT, 0, "41", Rejection.NO_RESUBMISSION, "status", reason)));
        }
        String remarks = remarks(revision);
        if (revision.cancel()) {
            return cancel(current, revision, remarks, now);
        }
        AuthorizationRequest request = current.request();
        List<String> changes = new ArrayList<>();
        List<Rejection> corrected = new ArrayList<>();
        List<Rejection> wrong = new ArrayList<>();
        List<ServiceLine> lines = new ArrayList<>(request.serviceLines());
        BigDecimal added = BigDecimal.ZERO;
        // a request without service lines (a referral's visits) has its units on the event: they are its line 1
        boolean eventUnits = lines.isEmpty() && request.quantity() != null;
        for (int i = 0; i < revision.addUnits().size(); i++) {
            Revision.UnitsAdded units = revision.addUnits().get(i);
            int at = indexOfLine(lines, units.line());
            String field = "addUnits[" + i + "]";
            if (eventUnits && units.line() == 1 && units.code() == null) {
                added = added.add(units.units());
                changes.add(amount(units.units()) + " " + unitsOf(request) + " added");
                continue;
            }
            if (at < 0) {
                wrong.add(new Rejection(RejectionLevel.EVENT, 0, "33", C, field + ".line", "authorization " + current.id()
                        + " has no line " + units.line() + "; its lines are " + lineNumbers(request)));
                continue;
            }
            ServiceLine line = lines.get(at);
            if (units.code() != null && !sameCode(units.code(), line.code())) {
                corrected.add(new Rejection(RejectionLevel.SERVICE, line.lineNumber(), "AG", C, field + ".code",
                        "line " + line.lineNumber() + " is " + line.code() + ", not " + units.code() + ": "
                                + correctedCodeInstruction()));
                continue;
            }
            lines.set(at, withQuantity(line, plus(line.quantity(), units.units())));
            added = added.add(units.units());
            changes.add(amount(units.units()) + " unit(s) added to line " + line.lineNumber() + " (" + line.code() + ")");
        }
        List<ServiceLine> newLines = new ArrayList<>();
        for (int i = 0; i < revision.addProcedures().size(); i++) {
            Revision.ProcedureAdded procedure = revision.addProcedures().get(i);
            String field = "addProcedures[" + i + "].code";
            ServiceLine existing = lines.stream().filter(l -> sameCode(procedure.code(), l.code())).findFirst().orElse(null);
            if (existing != null) {
                wrong.add(new Rejection(RejectionLevel.EVENT, 0, "33", C, field, procedure.code() + " is already line "
                        + existing.lineNumber() + "; add units to that line instead (addUnits)"));
                continue;
            }
            ServiceLine line = newLine(request, lines.size() + newLines.size() + 1, procedure);
            List<Rejection> codes = engine.codeRejections(request.withServiceLines(List.of(line), request.quantity()));
            if (!codes.isEmpty()) {
                codes.forEach(r -> wrong.add(new Rejection(RejectionLevel.SERVICE, line.lineNumber(), r.reasonCode(), C,
                        field, r.reason())));
                continue;
            }
            newLines.add(line);
            added = added.add(procedure.units());
            changes.add("procedure " + line.code() + " added with " + amount(procedure.units()) + " unit(s)");
        }
        DateRange dates = request.servicePeriod();
        if (revision.dateExtension() != null && dates != null && dates.end() != null
                && !revision.dateExtension().isAfter(dates.end())) {
            wrong.add(new Rejection(RejectionLevel.EVENT, 0, "57", C, "dateExtension", "is not after the authorization's end date "
                    + DAY.format(dates.end()) + "; a date change is asked for with dateChange"));
        }
        if (!corrected.isEmpty()) {
            corrected.addAll(wrong);
            throw new RevisionRefused(RevisionRefused.Kind.CORRECTED_CODE, correctedCodeInstruction(), corrected);
        }
        if (!wrong.isEmpty()) {
            throw new RevisionRefused(RevisionRefused.Kind.INVALID, wrong.size() + " part(s) of the revision cannot be applied",
                    wrong);
        }
        lines.addAll(newLines);
        AuthorizationRequest revised = request.withServiceLines(lines,
                request.quantity() == null ? null : request.quantity().add(added));
        String summary = summary(changes, remarks);
        Decision was = current.decision();
        String queue = status == AuthorizationStatus.MEDREVIEW && was.reviewQueue() != null ? was.reviewQueue()
                : engine.medicalReviewQueue(revised);
        Decision pended = new Decision(Outcome.MEDREVIEW, AuthorizationStatus.MEDREVIEW, "A4", List.of("revision: " + summary),
                queue, null, "Revision received; pended for medical review.", List.of(), null, null,
                was.relatedAuthorizationIds(), null, now);
        return new Revised(revised, engine.faxFallback().complete(pended, REVISION_CONTENTS, current.id(), now), summary);
    }

    private Revised cancel(Authorization current, Revision revision, String remarks, Instant now) {
        String reason = "cancelled at the provider's request" + (remarks == null ? "" : ": " + remarks);
        Decision cancelled = new Decision(Outcome.CANCELLED, AuthorizationStatus.CLOSED, CANCELLED, List.of(reason), null, null,
                "Cancelled at the provider's request.", List.of(), null, null, current.decision().relatedAuthorizationIds(),
                revision.requestedBy(), now);
        return new Revised(current.request(), cancelled, "Cancelled." + (remarks == null ? "" : " Remarks: " + remarks));
    }

    /** The field rules of a revision, each broken one named (what a JSON client can correct). */
    List<Rejection> validate(Revision revision) {
        List<Rejection> bad = new ArrayList<>();
        if (revision.requestedBy() == null || revision.requestedBy().isBlank()) {
            bad.add(invalid("requestedBy", "is required: who asks for the revision is recorded"));
        } else if (revision.requestedBy().length() > MAX_REQUESTED_BY) {
            bad.add(invalid("requestedBy", "is longer than " + MAX_REQUESTED_BY + " characters"));
        }
        for (int i = 0; i < revision.addUnits().size(); i++) {
            Revision.UnitsAdded units = revision.addUnits().get(i);
            if (units.line() < 1) {
                bad.add(invalid("addUnits[" + i + "].line", "is required: the number of the line, 1 for the first"));
            }
            positive("addUnits[" + i + "].units", units.units(), bad);
        }
        for (int i = 0; i < revision.addProcedures().size(); i++) {
            Revision.ProcedureAdded procedure = revision.addProcedures().get(i);
            if (procedure.code() == null || procedure.code().isBlank()) {
                bad.add(invalid("addProcedures[" + i + "].code", "is required (CPT, HCPCS or revenue code)"));
            }
            positive("addProcedures[" + i + "].units", procedure.units(), bad);
        }
        int limit = profile.limits().remarks();
        if (revision.remarks() != null && revision.remarks().length() > limit) {
            bad.add(invalid("remarks", "is " + revision.remarks().length() + " characters; at most " + limit));
        }
        DateRange change = revision.dateChange();
        if (change != null && (change.start() == null || change.end() == null)) {
            bad.add(invalid("dateChange", "needs start and end"));
        } else if (change != null && !change.isValid()) {
            bad.add(invalid("dateChange", "start is after end"));
        }
        if (change != null && revision.dateExtension() != null) {
            bad.add(invalid("dateExtension", "a revision asks for a date extension or a date change, not both"));
        }
        boolean asks = !revision.addUnits().isEmpty() || !revision.addProcedures().isEmpty() || change != null
                || revision.dateExtension() != null;
        if (revision.cancel() && asks) {
            bad.add(invalid("cancel", "a cancel stands alone: only remarks may come with it"));
        }
        if (!revision.cancel() && !asks && (revision.remarks() == null || revision.remarks().isBlank())) {
            bad.add(invalid("$", "a revision adds units or procedures, asks for a date extension or change, gives remarks,"
                    + " or cancels; this one does none of these"));
        }
        return bad;
    }

    /**
     * The seed: "Requesting a date extension: enter the date in the remarks section. Requesting a date change: enter
     * the date in the remarks section." The dates asked for lead the provider's remarks; null when there are none.
     */
    private static String remarks(Revision revision) {
        List<String> parts = new ArrayList<>();
        if (revision.dateExtension() != null) {
            parts.add("Date extension requested through " + DAY.format(revision.dateExtension()) + ".");
        }
        if (revision.dateChange() != null) {
            parts.add("Date change requested to " + DAY.format(revision.dateChange().start()) + " - "
                    + DAY.format(revision.dateChange().end()) + ".");
        }
        if (revision.remarks() != null && !revision.remarks().isBlank()) {
            parts.add(revision.remarks().strip());
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static String summary(List<String> changes, String remarks) {
        String done = String.join("; ", changes);
        if (remarks == null) {
            return done + ".";
        }
        return done.isEmpty() ? "Remarks: " + remarks : done + ". Remarks: " + remarks;
    }

    /**
     * What an X12 revision (UM02 S, 4 or 3) asks of the authorization it names, as the seed's revision screen would
     * have it. The 278 states the request as the provider now wants it: a line matched to one of the authorization's
     * (by its TRN, else by its code) asks for the difference in units; a line that matches none adds a procedure; a
     * line whose TRN matches a line with another code is a corrected procedure code. The dates asked for become a date
     * extension (UM02 4, or a later end) or a date change, in the remarks. Each revision field is mapped to the 278
     * line it came from, so an AAA goes under that line's 2000F.
     */
    public X12Revision fromX12(AuthorizationRequest sent, Authorization current) {
        AuthorizationRequest have = current.request();
        String requestedBy = "X12 " + (sent.requester() == null ? "requester" : "NPI " + sent.requester().id());
        if ("3".equals(sent.certificationType())) {
            return new X12Revision(new Revision(requestedBy, null, null, null, null, cut(sent.remarks()), true), Map.of());
        }
        List<Revision.UnitsAdded> units = new ArrayList<>();
        List<Revision.ProcedureAdded> procedures = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (sent.serviceLines().isEmpty() && have.serviceLines().isEmpty() && sent.quantity() != null && have.quantity() != null) {
            // the event's units (HSD) are the authorization's line 1
            BigDecimal more = sent.quantity().subtract(have.quantity());
            if (more.signum() > 0) {
                units.add(new Revision.UnitsAdded(1, null, more));
            } else if (more.signum() < 0) {
                notes.add(amount(sent.quantity()) + " " + unitsOf(have) + " asked, fewer than the " + amount(have.quantity())
                        + " on the authorization.");
            }
        }
        for (ServiceLine line : sent.serviceLines()) {
            ServiceLine byTrace = have.serviceLines().stream().filter(l -> sharesTrace(l, line)).findFirst().orElse(null);
            ServiceLine match = byTrace != null ? byTrace
                    : have.serviceLines().stream().filter(l -> sameCode(l.code(), line.code())).findFirst().orElse(null);
            if (match == null) {
                lineOf.put("addProcedures[" + procedures.size() + "]", line.lineNumber());
                procedures.add(new Revision.ProcedureAdded(line.code(), line.codeType(), line.modifiers(), line.quantity(),
                        line.unitType()));
                continue;
            }
            BigDecimal more = line.quantity() == null || match.quantity() == null ? null : line.quantity().subtract(match.quantity());
            if (!sameCode(match.code(), line.code())) {
                // same trace, other code: a correction, which apply() refuses with the payer's instruction
                lineOf.put("addUnits[" + units.size() + "]", line.lineNumber());
                units.add(new Revision.UnitsAdded(match.lineNumber(), line.code(), more != null && more.signum() > 0 ? more : BigDecimal.ONE));
            } else if (more != null && more.signum() > 0) {
                lineOf.put("addUnits[" + units.size() + "]", line.lineNumber());
                units.add(new Revision.UnitsAdded(match.lineNumber(), null, more));
            } else if (more != null && more.signum() < 0) {
                notes.add("Line " + match.lineNumber() + ": " + amount(line.quantity()) + " unit(s) asked, fewer than the "
                        + amount(match.quantity()) + " on the authorization.");
            }
        }
        DateRange asked = sent.servicePeriod();
        DateRange held = have.servicePeriod();
        LocalDate extension = null;
        DateRange change = null;
        if ("4".equals(sent.certificationType())) {
            // an extension without a later end date is refused by apply(): 57, dates of service
            extension = asked == null || asked.end() == null ? held == null ? null : held.end() : asked.end();
        } else if (asked != null && !Objects.equals(asked, held)) {
            boolean laterEndOnly = held != null && Objects.equals(asked.start(), held.start()) && asked.end() != null
                    && held.end() != null && asked.end().isAfter(held.end());
            if (laterEndOnly) {
                extension = asked.end();
            } else if (asked.start() != null && asked.end() != null) {
                change = asked;
            }
        }
        List<String> remarks = new ArrayList<>(notes);
        if (sent.remarks() != null) {
            remarks.add(sent.remarks());
        }
        String text = remarks.isEmpty() ? null : cut(String.join(" ", remarks));
        return new X12Revision(new Revision(requestedBy, units, procedures, extension, change, text, false), lineOf);
    }

    /** A revision read from a 278, and for each of its fields (addUnits[0], addProcedures[1]) the 2000F line it came from. */
    public record X12Revision(Revision revision, Map<String, Integer> lineOf) {
        public X12Revision {
            lineOf = Map.copyOf(lineOf);
        }

        /** The rejection under the 2000F it is about, or at 2000E when it is about no line of the 278. */
        public Rejection placed(Rejection rejection) {
            for (Map.Entry<String, Integer> entry : lineOf.entrySet()) {
                if (rejection.field() != null && rejection.field().startsWith(entry.getKey())) {
                    return new Rejection(RejectionLevel.SERVICE, entry.getValue(), rejection.reasonCode(), rejection.followUp(),
                            rejection.field(), rejection.reason());
                }
            }
            return rejection.level() == RejectionLevel.SERVICE ? new Rejection(RejectionLevel.EVENT, 0, rejection.reasonCode(),
                    rejection.followUp(), rejection.field(), rejection.reason()) : rejection;
        }
    }

    /** The portal's remarks limit; a 278 MSG may carry a few characters more, which are cut. */
    private String cut(String remarks) {
        int limit = profile.limits().remarks();
        return remarks == null || remarks.length() <= limit ? remarks : remarks.substring(0, limit);
    }

    private static boolean sharesTrace(ServiceLine have, ServiceLine sent) {
        for (TraceNumber trace : sent.traceNumbers()) {
            if (have.traceNumbers().stream().anyMatch(t -> Objects.equals(t.number(), trace.number())
                    && Objects.equals(t.originator(), trace.originator()))) {
                return true;
            }
        }
        return false;
    }

    private static ServiceLine newLine(AuthorizationRequest request, int number, Revision.ProcedureAdded procedure) {
        String code = procedure.code().strip().toUpperCase(Locale.ROOT);
        CodeType type = procedure.codeType() != null ? procedure.codeType() : CodeType.of("HC", code);
        DateRange dates = request.servicePeriod();
        return new ServiceLine(number, request.serviceType(), type, code, type == CodeType.REVENUE ? code : null,
                procedure.modifiers(), procedure.units(), procedure.unitType() != null ? procedure.unitType() : "UN", dates,
                List.of(), List.of());
    }

    private static ServiceLine withQuantity(ServiceLine line, BigDecimal quantity) {
        return new ServiceLine(line.lineNumber(), line.serviceTypeCode(), line.codeType(), line.code(), line.revenueCode(),
                line.modifiers(), quantity, line.unitType(), line.serviceDates(), line.traceNumbers(), line.providers());
    }

    /** HSD01 in words: visits (VS), days (DY), units otherwise. */
    private static String unitsOf(AuthorizationRequest request) {
        return switch (request.quantityQualifier() == null ? "" : request.quantityQualifier()) {
            case "VS" -> "visit(s)";
            case "DY" -> "day(s)";
            default -> "unit(s)";
        };
    }

    private static int indexOfLine(List<ServiceLine> lines, int number) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineNumber() == number) {
                return i;
            }
        }
        return -1;
    }

    private static String lineNumbers(AuthorizationRequest request) {
        List<String> numbers = request.serviceLines().stream().map(l -> String.valueOf(l.lineNumber())).toList();
        return numbers.isEmpty() ? "none (add procedures instead)" : String.join(", ", numbers);
    }

    private static boolean sameCode(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.add(b);
    }

    private static String amount(BigDecimal units) {
        return units == null ? "?" : units.stripTrailingZeros().toPlainString();
    }

    private static void positive(String field, BigDecimal units, List<Rejection> bad) {
        if (units == null || units.signum() <= 0) {
            bad.add(invalid(field, "must be more than 0"));
        }
    }

    private static Rejection invalid(String field, String reason) {
        return new Rejection(RejectionLevel.EVENT, 0, "33", C, field, reason);
    }
}
