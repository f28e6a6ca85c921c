package org.pagateway.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The payer's monthly maintenance: from a weekday and time of the nth weekend of the month until a weekday
 * and time after it ("third weekend, Friday 5:00pm until Monday morning"). The nth weekend is the one whose
 * Saturday is the nth Saturday of the month.
 */
public record MaintenanceWindow(int weekendOfMonth, String start, String end) {

    public boolean contains(LocalDateTime time) {
        // the window may start in one month and end in the next: look at this month's and last month's
        return within(time, time.toLocalDate()) || within(time, time.toLocalDate().minusMonths(1));
    }

    private boolean within(LocalDateTime time, LocalDate inMonth) {
        LocalDate saturday = inMonth.with(TemporalAdjusters.dayOfWeekInMonth(weekendOfMonth, DayOfWeek.SATURDAY));
        LocalDateTime from = at(saturday, start, false);
        LocalDateTime until = at(saturday, end, true);
        return !time.isBefore(from) && time.isBefore(until);
    }

    /** "FRIDAY 17:00": the nearest such day before (start) or after (end) the weekend's Saturday. */
    private static LocalDateTime at(LocalDate saturday, String dayAndTime, boolean after) {
        String[] parts = dayAndTime.trim().split("\\s+");
        DayOfWeek day = DayOfWeek.valueOf(parts[0].toUpperCase());
        LocalTime clock = LocalTime.parse(parts[1]);
        LocalDate date = after ? saturday.with(TemporalAdjusters.nextOrSame(day))
                : saturday.with(TemporalAdjusters.previousOrSame(day));
        return date.atTime(clock);
    }
}
