package org.pagateway.model;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A D8 date (start == end) or an RD8 range. */
public record DateRange(LocalDate start, LocalDate end) {

    public static DateRange on(LocalDate day) {
        return day == null ? null : new DateRange(day, day);
    }

    @JsonIgnore
    public boolean isValid() {
        return start == null || end == null || !start.isAfter(end);
    }
}
