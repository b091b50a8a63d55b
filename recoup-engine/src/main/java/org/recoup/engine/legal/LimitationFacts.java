package org.recoup.engine.legal;

import java.time.LocalDate;
import java.util.List;

/**
 * What the limitation of one debt depends on.
 *
 * @param runsFrom       the date the period starts from (the due date of the oldest unpaid instalment, or of the last
 *                       instalment, per policy); null when nothing is owed
 * @param interruptions  every interruption known, in any order
 * @param lawsuitFiled   the date a lawsuit was filed for the debt (stops the clock); null when none
 */
public record LimitationFacts(LocalDate runsFrom, List<Interruption> interruptions, LocalDate lawsuitFiled) {

    public LimitationFacts {
        interruptions = interruptions == null ? List.of() : List.copyOf(interruptions);
    }
}
