package org.recoup.engine.segmentation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.recoup.engine.delinquency.DelinquencyState;

/**
 * Segments a case (PRACTICE §3): tags first (situations), then willingness, ability, quadrant and grade, each with the
 * reason written down. Pure and deterministic: the same facts and policy give the same segment.
 */
public final class Segmenter {

    private final SegmentationPolicy policy;

    public Segmenter(SegmentationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public static Segment segment(SegmentationFacts facts, SegmentationPolicy policy) {
        return new Segmenter(policy).segment(facts);
    }

    public Segment segment(SegmentationFacts facts) {
        List<String> why = new ArrayList<>();
        Set<SegmentTag> tags = tags(facts, why);
        Level willingness = willingness(facts, tags, why);
        Level ability = ability(facts, tags, why);
        Quadrant quadrant = Quadrant.of(willingness, ability);
        why.add("quadrant " + quadrant);
        Grade grade = grade(facts, tags, why);
        return new Segment(willingness, ability, grade, quadrant, tags, why, policy.version());
    }

    private Set<SegmentTag> tags(SegmentationFacts f, List<String> why) {
        Set<SegmentTag> tags = EnumSet.noneOf(SegmentTag.class);
        PartyProfile party = f.party();
        ContactHistory c = f.contacts();
        tag(tags, why, party.deceased(), SegmentTag.DECEASED, "party is deceased");
        tag(tags, why, party.bankrupt(), SegmentTag.BANKRUPT, "party is bankrupt");
        tag(tags, why, party.incarcerated(), SegmentTag.INCARCERATED, "party is incarcerated");
        tag(tags, why, party.complaint(), SegmentTag.COMPLAINT, "an open complaint against the lender");
        tag(tags, why, c.disputesLast90() > 0, SegmentTag.DISPUTE, c.disputesLast90() + " dispute(s) in 90 days");
        tag(tags, why, c.claimsPaidLast90() > 0, SegmentTag.CLAIMS_PAID,
                c.claimsPaidLast90() + " claim(s) of having paid in 90 days");
        if (!c.hasValidContactPoint()) {
            tag(tags, why, true, SegmentTag.LOST_CONTACT, "no valid contact point");
        } else {
            tag(tags, why, c.consecutiveFailures() >= policy.lostContactAfterFailures(), SegmentTag.LOST_CONTACT,
                    c.consecutiveFailures() + " consecutive failed attempts >= " + policy.lostContactAfterFailures());
        }
        tag(tags, why, party.declaredHardship(), SegmentTag.HARDSHIP, "hardship declared or evidenced");
        tag(tags, why, f.payments().partialCount() >= policy.partialPaymentsForB(), SegmentTag.REPEAT_PARTIAL,
                f.payments().partialCount() + " partial payment(s) >= " + policy.partialPaymentsForB());
        PtpHistory ptp = f.ptp();
        tag(tags, why, ptp.broken() > 0, SegmentTag.BROKEN_PROMISES, ptp.broken() + " broken promise(s)");
        tag(tags, why, ptp.broken() >= policy.professionalDebtorBrokenPromises() && ptp.kept() == 0
                        && c.rightPartyLast90() > 0,
                SegmentTag.PROFESSIONAL_DEBTOR, ptp.broken() + " broken promises >= "
                        + policy.professionalDebtorBrokenPromises() + ", none kept, still reachable");
        return tags;
    }

    private static void tag(Set<SegmentTag> tags, List<String> why, boolean condition, SegmentTag tag, String reason) {
        if (condition) {
            tags.add(tag);
            why.add("tag " + tag + ": " + reason);
        }
    }

    private Level willingness(SegmentationFacts f, Set<SegmentTag> tags, List<String> why) {
        PtpHistory ptp = f.ptp();
        ContactHistory c = f.contacts();
        if (c.refusalsLast30() >= policy.refusalsForLowWillingness()) {
            return because(why, "willingness", Level.LOW,
                    c.refusalsLast30() + " refusal(s) in 30 days >= " + policy.refusalsForLowWillingness());
        }
        if (ptp.broken() >= policy.brokenPromisesForLowWillingness()) {
            return because(why, "willingness", Level.LOW,
                    ptp.broken() + " broken promises >= " + policy.brokenPromisesForLowWillingness());
        }
        if (tags.contains(SegmentTag.PROFESSIONAL_DEBTOR)) {
            return because(why, "willingness", Level.LOW, "professional debtor");
        }
        Integer lastPaid = f.payments().lastPaymentDaysAgo();
        if (lastPaid != null && lastPaid <= policy.recentPaymentDays()) {
            return because(why, "willingness", Level.HIGH,
                    "paid " + lastPaid + " day(s) ago <= " + policy.recentPaymentDays());
        }
        if (ptp.lastStatus() == PtpStatus.KEPT || ptp.lastStatus() == PtpStatus.PENDING) {
            return because(why, "willingness", Level.HIGH, "last promise " + ptp.lastStatus());
        }
        if (f.payments().regularPayer()) {
            return because(why, "willingness", Level.HIGH, "regular payer before this delinquency");
        }
        if (tags.contains(SegmentTag.LOST_CONTACT) && c.rightPartyLast90() == 0) {
            return because(why, "willingness", Level.LOW, "lost contact, no right-party contact in 90 days (hiding)");
        }
        if (ptp.lastStatus() == PtpStatus.BROKEN) {
            return because(why, "willingness", Level.LOW, "last promise broken");
        }
        return because(why, "willingness", Level.HIGH, "no refusal, broken promise or evidence of hiding");
    }

    private Level ability(SegmentationFacts f, Set<SegmentTag> tags, List<String> why) {
        PartyProfile party = f.party();
        if (party.bankrupt() || party.incarcerated() || party.deceased()) {
            return because(why, "ability", Level.LOW, "bankrupt, incarcerated or deceased");
        }
        if (party.declaredHardship() && !party.knownAssets()) {
            return because(why, "ability", Level.LOW, "hardship without known assets");
        }
        if (party.knownIncome() || party.knownAssets()) {
            return because(why, "ability", Level.HIGH, "known income or assets");
        }
        if (f.payments().partialCount() >= policy.partialPaymentsForLowAbility()) {
            return because(why, "ability", Level.LOW, f.payments().partialCount() + " partial payments >= "
                    + policy.partialPaymentsForLowAbility() + " without known income or assets");
        }
        if (f.payments().regularPayer()) {
            return because(why, "ability", Level.HIGH, "regular payer before this delinquency");
        }
        return because(why, "ability", policy.abilityWhenUnknown(), "no evidence; policy default");
    }

    private Grade grade(SegmentationFacts f, Set<SegmentTag> tags, List<String> why) {
        DelinquencyState s = f.state();
        if (s.dpd() >= policy.gradeCFromDpd()) {
            return because(why, "grade", Grade.C, "long delinquency: dpd " + s.dpd() + " >= " + policy.gradeCFromDpd());
        }
        if (tags.contains(SegmentTag.LOST_CONTACT)) {
            return because(why, "grade", Grade.C, "lost contact");
        }
        if (f.contacts().refusalsLast30() > 0) {
            return because(why, "grade", Grade.C, "refused to pay within 30 days");
        }
        if (s.dpd() <= policy.gradeAMaxDpd() && f.ptp().broken() == 0
                && f.payments().partialCount() < policy.partialPaymentsForB()) {
            return because(why, "grade", Grade.A, "short delinquency (dpd " + s.dpd() + " <= " + policy.gradeAMaxDpd()
                    + "), no broken promise, no partial payment");
        }
        return because(why, "grade", Grade.B, "repeated or partial: dpd " + s.dpd() + ", " + f.ptp().broken()
                + " broken promise(s), " + f.payments().partialCount() + " partial payment(s)");
    }

    private static <T> T because(List<String> why, String what, T value, String reason) {
        why.add(what + " " + value + ": " + reason);
        return value;
    }
}
