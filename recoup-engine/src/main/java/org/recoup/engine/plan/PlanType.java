package org.recoup.engine.plan;

/**
 * The kinds of arrangement a collector may offer a debtor who is willing but unable to pay (PRACTICE §3).
 * <ul>
 * <li>{@link #SETTLEMENT}: a lump sum below the balance paid by a date; the rest is waived once it is paid.</li>
 * <li>{@link #INSTALMENT_PLAN}: the arrears (or the whole balance) spread over N monthly instalments.</li>
 * <li>{@link #WAIVER}: overdue interest and/or accrued penalty waived; the rest of the arrears falls due on a date.</li>
 * <li>{@link #RE_AGE}: the arrears moved to one instalment after the last one; the delinquency is reset.</li>
 * </ul>
 */
public enum PlanType {
    SETTLEMENT, INSTALMENT_PLAN, WAIVER, RE_AGE
}
