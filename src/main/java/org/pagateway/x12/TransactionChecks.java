package org.pagateway.x12;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pagateway.x12.ack.ElementError;

/**
 * What the 005010X217 guide requires of a transaction set that no StAEDI schema can say: DTP03 read in the
 * format DTP02 names, and the HL hierarchy (StAEDI nests loops by HL02 but checks neither HL01 nor HL02).
 * One instance checks one transaction set at a time; {@link #reset()} starts the next.
 */
final class TransactionChecks {

    /** HL03 of each 278 level and the HL03 its HL02 must point at ("" for none). */
    private static final Map<String, Set<String>> PARENT_LEVELS = Map.of(
            "20", Set.of(""),
            "21", Set.of("20"),
            "22", Set.of("21"),
            "23", Set.of("22"),
            "EV", Set.of("22", "23"),
            "SS", Set.of("EV"));

    private final Map<String, String> levels = new HashMap<>();
    private int lastHierarchicalId;

    void reset() {
        levels.clear();
        lastHierarchicalId = 0;
    }

    /**
     * DTP03 (DE 1251) in DTP02's format: D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD with the start not after the end.
     * A date that does not exist is IK403 8 here, not a silent null later.
     */
    static Optional<ElementError> checkDate(String format, String value) {
        if (value == null || !("D8".equals(format) || "RD8".equals(format))) {
            return Optional.empty();
        }
        boolean valid = "D8".equals(format) ? isDate(value)
                : value.length() == 17 && value.charAt(8) == '-' && isDate(value.substring(0, 8))
                        && isDate(value.substring(9)) && value.substring(0, 8).compareTo(value.substring(9)) <= 0;
        return valid ? Optional.empty() : Optional.of(new ElementError(3, 0, 0, "1251", "8", value));
    }

    /**
     * HL01 counts 1, 2, 3... through the set; HL02 names an earlier HL of the level above (2000B under 2000A,
     * an event under the subscriber or dependent, a service under its event). A wrong pointer would file a
     * service under the wrong patient. Errors are IK403 7 on HL01 (DE 628) or HL02 (DE 734).
     */
    java.util.List<ElementError> checkHierarchy(String id, String parent, String level) {
        if (id == null) {
            return java.util.List.of();
        }
        java.util.List<ElementError> errors = new java.util.ArrayList<>(2);
        if (!String.valueOf(lastHierarchicalId + 1).equals(id)) {
            errors.add(new ElementError(1, 0, 0, "628", "7", id));
        }
        try {
            lastHierarchicalId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            lastHierarchicalId++;
        }
        String parentLevel = parent == null || parent.isEmpty() ? "" : levels.getOrDefault(parent, "?");
        if (!PARENT_LEVELS.getOrDefault(level == null ? "" : level, Set.of()).contains(parentLevel)) {
            errors.add(new ElementError(2, 0, 0, "734", "7", parent));
        }
        // an HL without HL03 is of no known level: a child pointing at it gets IK403 7, as for a missing parent
        levels.put(id, level == null ? "?" : level);
        return errors;
    }

    private static boolean isDate(String value) {
        if (value.length() != 8) {
            return false;
        }
        try {
            LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
