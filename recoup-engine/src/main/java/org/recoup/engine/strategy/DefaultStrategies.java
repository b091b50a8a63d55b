package org.recoup.engine.strategy;

import static org.recoup.engine.strategy.Rule.always;
import static org.recoup.engine.strategy.Rule.rule;

import java.util.List;

/**
 * The strategies Recoup ships (PRACTICE §4). The same document is in
 * {@code org/recoup/engine/strategy/consumer-default.yaml} for the app to load and store; a test keeps them equal.
 *
 * <p>Order matters (first match wins): situations that stop normal collection (estate, bankruptcy, disputes) come
 * first, then products worked on their own ladder (B2B receivables, property fees), then the legal end of the dpd
 * ladder, then promises, then lost contact, then the early/mid ladder and segment-specific treatments.
 */
public final class DefaultStrategies {

    private static final String TREE = "PRACTICE §4 strategy tree";
    private static final String LADDER = "PRACTICE §4 channel ladder by dpd";

    private DefaultStrategies() {
    }

    public static StrategyDocument consumerDefault() {
        return new StrategyDocument("consumer-default", 1, List.of(
                always("ptp-reminder",
                        "ptp.active && ptp.daysToDue == 2",
                        Treatment.of(Action.SMS, 50).withTemplate("ptp-reminder"),
                        "PRACTICE §4 PTP reminder 2 days before the promised date"),
                always("payday-follow-up",
                        "calendar.dayOfMonth in [5, 10, 15, 28, 30] && account.dpd > 7 && account.dpd < 90"
                                + " && segment.willingness == 'HIGH' && !ptp.active && !party.deceased && !party.bankrupt",
                        Treatment.of(Action.CALL, 55).withScript("payday-follow-up"),
                        "PRACTICE §4 payday follow-ups on the 5th, 10th, 15th, 28th, 30th (on top of the stage's treatment)"),
                rule("estate-or-bankruptcy",
                        "party.deceased || party.bankrupt",
                        Treatment.of(Action.LEGAL_REVIEW, 95).withScript("estate-heirs-claims").withTier("legal"),
                        TREE + ": bankrupt/deceased → estate/heirs/claims"),
                rule("dispute-or-complaint",
                        "party.complaint || 'DISPUTE' in segment.tags || 'CLAIMS_PAID' in segment.tags",
                        Treatment.of(Action.ESCALATE, 90).withScript("find-the-reason").withTier("supervisor"),
                        "PRACTICE §4 escalation tiers; §3 dispute, claims already paid, major complaint"),
                rule("b2b-limitation-risk",
                        "account.product == 'B2B_RECEIVABLE' && account.agingBucket in ['Y1_2', 'Y2_3', 'Y3_4', 'Y4_5', 'Y5_PLUS']",
                        Treatment.of(Action.LEGAL_REVIEW, 85).withScript("b2b-limitation-check").withTier("legal"),
                        "PRACTICE §4 lawyer letter → lawsuit; receivables aged over a year"),
                rule("b2b-doubtful",
                        "account.product == 'B2B_RECEIVABLE' && account.riskClass in ['DOUBTFUL', 'BAD', 'DEAD']",
                        Treatment.of(Action.AGENCY_REVIEW, 75).withTier("senior"),
                        "PRACTICE §4 outsourcing to agencies; risk class of the receivable"),
                rule("b2b-month-end",
                        "account.product == 'B2B_RECEIVABLE' && account.dpd > 0 && calendar.daysToMonthEnd <= 2",
                        Treatment.of(Action.CALL, 65).withScript("b2b-month-end-settlement"),
                        "PRACTICE §4 month-end for businesses (best time 15:30)"),
                rule("b2b-overdue",
                        "account.product == 'B2B_RECEIVABLE' && account.dpd > 0",
                        Treatment.of(Action.CALL, 60).withScript("b2b-statement-reconciliation"),
                        "PRACTICE §4 channel ladder: calls; businesses reconcile statements"),
                rule("property-fee-notice",
                        "account.product == 'PROPERTY_FEE' && account.dpd > 0",
                        Treatment.of(Action.LETTER, 50).withTemplate("property-fee-written-notice"),
                        "PRACTICE §4 letters; property fees are demanded by written notice"),
                rule("legal-action",
                        "account.dpd >= 150",
                        Treatment.of(Action.LEGAL_REVIEW, 85).withTier("legal"),
                        LADDER + ": 150+ legal action"),
                rule("broken-promise",
                        "ptp.lastStatus == 'BROKEN' && account.dpd > 0 && account.dpd < 90",
                        Treatment.of(Action.CALL, 90).withScript("confront-promise-history"),
                        TREE + ": broken → escalate pressure, confrontation script"),
                rule("kept-promise",
                        "ptp.lastStatus == 'KEPT' && ptp.daysSinceResolved <= 1",
                        Treatment.of(Action.SMS, 20).withTemplate("thank-you"),
                        TREE + ": kept → maintain, thank"),
                rule("promise-open",
                        "ptp.active",
                        Treatment.of(Action.NO_ACTION, 5).withScript("monitor-promise"),
                        TREE + ": promised → wait for the date (the reminder is an always rule)"),
                rule("lawyer-letter",
                        "account.dpd >= 90",
                        Treatment.of(Action.LETTER, 80).withTemplate("lawyer-letter"),
                        LADDER + ": late → lawyer letters"),
                rule("lost-contact-skip-trace",
                        "contacts.lostContact && account.dpd < 10",
                        Treatment.of(Action.SKIP_TRACE, 60),
                        TREE + ": not reached / lost → skip tracing via other contact points"),
                rule("lost-contact-letter",
                        "contacts.lostContact && account.dpd < 20",
                        Treatment.of(Action.LETTER, 55).withTemplate("please-contact-us"),
                        TREE + ": not reached / lost → letters"),
                rule("lost-contact-visit",
                        "contacts.lostContact && account.dpd >= 20",
                        Treatment.of(Action.VISIT_REVIEW, 70),
                        LADDER + ": 20+ dpd visits"),
                rule("pre-due-reminder",
                        "account.stage == 'PRE_DUE'",
                        Treatment.of(Action.SMS, 30).withTemplate("pre-due-reminder"),
                        LADDER + ": SMS reminder 1 day before due"),
                rule("first-week-daily-call",
                        "account.dpd >= 1 && account.dpd <= 7",
                        Treatment.of(Action.CALL, 60).withScript("early-reminder"),
                        "PRACTICE §4 daily calls in the first week of delinquency"),
                rule("willing-unable-restructure",
                        "segment.quadrant == 'WILLING_UNABLE' && account.dpd > 0",
                        Treatment.of(Action.RESTRUCTURE_OFFER, 50).withScript("plan-and-restructure"),
                        TREE + ": not promised, unable → plan, restructure; §3 willing & unable"),
                rule("unwilling-find-reason",
                        "segment.willingness == 'LOW' && account.dpd > 0",
                        Treatment.of(Action.CALL, 65).withScript("find-the-reason").withTier("senior"),
                        TREE + ": unwilling → find the reason, escalate"),
                rule("mid-stage-agency",
                        "account.stage == 'MID' && account.dpd >= 60",
                        Treatment.of(Action.AGENCY_REVIEW, 60),
                        LADDER + ": mid → agency"),
                rule("mid-stage-letter",
                        "account.stage == 'MID'",
                        Treatment.of(Action.LETTER, 45).withTemplate("mid-stage-demand"),
                        LADDER + ": mid → calls, letters"),
                rule("early-reminder",
                        "account.stage == 'EARLY'",
                        Treatment.of(Action.SMS, 40).withTemplate("early-reminder"),
                        LADDER + ": early → SMS + calls")));
    }
}
