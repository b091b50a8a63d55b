package org.recoup.engine.legal;

import java.util.List;

/**
 * The steps of a legal matter in their only order. A lawyer's letter and pre-litigation mediation may be skipped
 * (neither is required before suing); a judgment needs a lawsuit, enforcement a judgment.
 */
public enum LegalStep {
    LAWYER_LETTER(null), MEDIATION(null), LAWSUIT(null), JUDGMENT(LAWSUIT), ENFORCEMENT(JUDGMENT);

    private final LegalStep requires;

    LegalStep(LegalStep requires) {
        this.requires = requires;
    }

    /**
     * Why {@code next} may not follow {@code done} (the steps already recorded, in order), or null when it may: steps
     * only move forward (each step once), and a step's prerequisite must have been recorded.
     */
    public static String refusal(List<LegalStep> done, LegalStep next) {
        if (done.contains(next)) {
            return next + " is already recorded for this matter";
        }
        LegalStep last = done.isEmpty() ? null : done.getLast();
        if (last != null && next.ordinal() < last.ordinal()) {
            return next + " cannot follow " + last + ": the steps are LAWYER_LETTER → MEDIATION → LAWSUIT → JUDGMENT → "
                    + "ENFORCEMENT";
        }
        if (next.requires != null && !done.contains(next.requires)) {
            return next + " needs a " + next.requires + " first";
        }
        return null;
    }
}
