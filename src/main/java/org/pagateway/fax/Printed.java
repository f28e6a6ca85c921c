package org.pagateway.fax;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.pagateway.model.DateRange;
import org.pagateway.model.Party;

/** How the seed portal prints names, phones and dates (06/13/2019 01:49 PM), so paper matches the screen. */
final class Printed {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a z", Locale.US);

    private Printed() {
    }

    /** "KOWALCZYK, RENATA M" for a person, the name as given for an organization. */
    static String name(Party party) {
        return party == null ? "" : party.displayName();
    }

    /** The name with its NPI the way the seed's viewer shows it: BOSTON MEDICAL CENTER (1346218294). */
    static String nameWithNpi(Party party) {
        String name = name(party);
        String npi = party == null ? null : party.npi();
        return npi == null ? name : name + " (" + npi + ")";
    }

    /** 617-586-1700 from the model's ten digits; anything else as it came. */
    static String phone(String digits) {
        if (digits == null) {
            return "";
        }
        return digits.matches("\\d{10}")
                ? digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6)
                : digits;
    }

    static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    static String dateTime(ZonedDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** One day, or "start - end". */
    static String dates(DateRange range) {
        if (range == null || (range.start() == null && range.end() == null)) {
            return "";
        }
        if (range.end() == null || range.end().equals(range.start())) {
            return date(range.start());
        }
        return date(range.start()) + " - " + date(range.end());
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
