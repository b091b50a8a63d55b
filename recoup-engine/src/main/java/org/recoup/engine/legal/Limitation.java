package org.recoup.engine.legal;

import java.time.LocalDate;

/**
 * The limitation of a debt as of a business date.
 *
 * @param runsFrom        start of the first period (null: nothing owed)
 * @param restartedBy     the last interruption the current period rests on; null when it runs from {@code runsFrom}
 * @param limitationDate  the last day on which the debt can still be enforced (null when nothing is owed or the clock
 *                        was stopped by a lawsuit)
 * @param daysLeft        days from the business date to {@code limitationDate} (negative once time-barred; null when
 *                        there is no limitation date)
 * @param lawsuitFiled    the filing date that stopped the clock, or null
 */
public record Limitation(Status status, LocalDate runsFrom, Interruption restartedBy, LocalDate limitationDate,
                         Long daysLeft, LocalDate lawsuitFiled) {

    public enum Status {
        /** nothing is owed: no limitation runs. */
        NOTHING_DUE,
        /** the period runs and ends more than the warning window away. */
        RUNNING,
        /** the period ends within the warning window. */
        APPROACHING,
        /** the period has ended without interruption: the debtor may plead limitation. */
        TIME_BARRED,
        /** a lawsuit was filed within the period: the clock stopped. */
        STOPPED
    }
}
