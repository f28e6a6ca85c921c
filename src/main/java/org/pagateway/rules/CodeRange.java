package org.pagateway.rules;

/**
 * A range of procedure codes as the seed writes them ("L0112-L4631", "99201-99215") or a single code. CPT and
 * HCPCS codes are five characters, so a range holds the codes of the same length between its ends.
 */
public record CodeRange(String from, String to) {

    public static CodeRange parse(String text) {
        String trimmed = text.trim().toUpperCase();
        int dash = trimmed.indexOf('-');
        return dash < 0 ? new CodeRange(trimmed, trimmed)
                : new CodeRange(trimmed.substring(0, dash).trim(), trimmed.substring(dash + 1).trim());
    }

    public boolean contains(String code) {
        if (code == null || code.length() != from.length()) {
            return false;
        }
        String c = code.toUpperCase();
        return c.compareTo(from) >= 0 && c.compareTo(to) <= 0;
    }

    @Override
    public String toString() {
        return from.equals(to) ? from : from + "-" + to;
    }
}
