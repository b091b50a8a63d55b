package org.recoup.engine.legal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The statute of limitations (PRACTICE §2): a period of {@code years} that starts on {@code runsFrom} and restarts on
 * every interruption made while it still runs; a lawsuit filed while it runs stops it. Pure: the business date is passed
 * in.
 * <ul>
 * <li>The limitation date is {@code start.plusYears(years)} (29 February → 28 February); the debt is time-barred from
 * the day after it.</li>
 * <li>An interruption counts only when it falls on or after the start and on or before the limitation date in force on
 * its day, and not after the business date: an interruption cannot revive a debt that was already time-barred (a later
 * acknowledgement may waive the defence, but that is for a lawyer, not this calculation), and the future is unknown.</li>
 * <li>A lawsuit filed on or before the limitation date in force stops the clock (status STOPPED); one filed later does
 * not change the time-bar.</li>
 * </ul>
 */
public record LimitationRule(int years, int warningDays) {

    public LimitationRule {
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("the limitation period must be 1–30 years, was " + years);
        }
        if (warningDays < 0 || warningDays > 3650) {
            throw new IllegalArgumentException("the warning window must be 0–3650 days, was " + warningDays);
        }
    }

    public Limitation assess(LimitationFacts facts, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (facts.runsFrom() == null) {
            return new Limitation(Limitation.Status.NOTHING_DUE, null, null, null, null, facts.lawsuitFiled());
        }
        LocalDate start = facts.runsFrom();
        LocalDate limit = start.plusYears(years);
        Interruption restartedBy = null;
        List<Interruption> ordered = facts.interruptions().stream()
                .sorted(Comparator.comparing(Interruption::date).thenComparing(Interruption::evidence)).toList();
        LocalDate filed = facts.lawsuitFiled();
        for (Interruption i : ordered) {
            if (i.date().isAfter(asOf)) {
                break;
            }
            if (filed != null && i.date().isAfter(filed) && !filed.isAfter(limit)) {
                break; // the clock stopped at the filing
            }
            if (i.date().isBefore(start) || i.date().isAfter(limit)) {
                continue;
            }
            if (!i.date().plusYears(years).isBefore(limit)) {
                limit = i.date().plusYears(years);
                restartedBy = i;
            }
        }
        if (filed != null && !filed.isAfter(limit) && !filed.isAfter(asOf)) {
            return new Limitation(Limitation.Status.STOPPED, start, restartedBy, null, null, filed);
        }
        long daysLeft = ChronoUnit.DAYS.between(asOf, limit);
        Limitation.Status status = daysLeft < 0 ? Limitation.Status.TIME_BARRED
                : daysLeft <= warningDays ? Limitation.Status.APPROACHING : Limitation.Status.RUNNING;
        return new Limitation(status, start, restartedBy, limit, daysLeft, filed);
    }
}
