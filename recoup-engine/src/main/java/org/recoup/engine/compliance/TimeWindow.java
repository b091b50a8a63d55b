package org.recoup.engine.compliance;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily local-time window, {@code start} inclusive, {@code end} exclusive; {@code start > end} wraps midnight,
 * {@code start == end} is the whole day.
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static TimeWindow of(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime t) {
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    public boolean contains(Instant at, ZoneId zone) {
        return contains(at.atZone(zone).toLocalTime());
    }

    /** The first window start in {@code zone} strictly after {@code at}; DST-correct (a start in a gap moves later). */
    public Instant nextStartAfter(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), start, zone);
        if (!candidate.toInstant().isAfter(at)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), start, zone);
        }
        return candidate.toInstant();
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
