package org.recoup.engine.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.compliance.FrequencyRule.Audience;
import org.recoup.engine.compliance.JurisdictionProfile.Rule;
import org.recoup.engine.compliance.Verdict.Decision;
import org.recoup.engine.compliance.Verdict.Reason;

/**
 * The compliance gate (contract §5): may this contact be made at {@code request.at()}? Pure: everything it needs is
 * passed in, including the instant, and only history strictly before that instant counts.
 * <p>
 * Gather → decide: each rule family below adds its reasons; the verdict lists them all. {@code nextAllowedAt} is the
 * earliest instant at which every time-bound reason clears (frequency windows roll off, then the hours window opens in
 * every relevant zone), or null when any other reason blocks.
 */
public final class ContactPolicy {

    private ContactPolicy() {
    }

    public static Verdict evaluate(ContactRequest request, PartyFacts party, ContactPointFacts point, List<Hold> holds,
                                   ContactHistory history, JurisdictionProfile profile) {
        return evaluate(request, party, point, holds, history, profile, ContentLint.defaults());
    }

    public static Verdict evaluate(ContactRequest request, PartyFacts party, ContactPointFacts point, List<Hold> holds,
                                   ContactHistory history, JurisdictionProfile profile, ContentLint lint) {
        Instant at = request.at();
        List<Attempt> past = before(history, at);
        ZoneId dayZone = party.zone() != null ? party.zone() : point != null && point.zone() != null ? point.zone()
                : profile.zones().getFirst();
        Evaluation e = new Evaluation(at);

        boolean borrowerDeceased = party.borrower().deceased();
        boolean estateContact = borrowerDeceased && (party.role() == PartyRole.SPOUSE || party.estateRepresentative()
                || party.role() == PartyRole.HEIR && !profile.estateOnlyExecutorOrSpouse());
        boolean liable = party.role().isLiable() || estateContact;

        partyStatus(party, profile, liable, e);
        holds(request, holds, profile, e);
        if (!liable) {
            thirdParty(request, party, past, profile, borrowerDeceased, e);
        }
        contactPoint(point, profile, e);
        if (request.channel() == Channel.VISIT && request.staff().size() < profile.visitStaffMinimum()) {
            e.block(ReasonCode.VISIT_STAFF_MINIMUM, "a visit needs at least " + profile.visitStaffMinimum()
                    + " staff, " + request.staff().size() + " named", profile.rule(Rule.VISIT_STAFF), null);
        }
        Set<ZoneId> hourZones = hourZones(party, point, profile);
        TimeWindow window = party.consentedWindow() != null ? party.consentedWindow() : profile.hours();
        if (request.channel().timeRestricted()) {
            hours(at, hourZones, window, party.consentedWindow() != null, profile, e);
        }
        List<FrequencyRule> frequencyRules = profile.frequencyRules();
        int horizon = 1;
        for (FrequencyRule rule : frequencyRules) {
            horizon = Math.max(horizon, rule.days());
        }
        RecentDays recent = RecentDays.of(past, at, dayZone, horizon);
        for (FrequencyRule rule : frequencyRules) {
            frequency(request, rule, liable, past, recent, dayZone, e);
        }
        if (request.content() != null) {
            for (ContentLint.Finding f : lint.lint(request.content(), request.channel(), liable ? PartyRole.BORROWER : party.role())) {
                if (f.code() == ReasonCode.CASH_COLLECTION && !profile.cashCollectionBanned()) {
                    continue;
                }
                e.block(f.code(), f.message() + " [" + f.start() + "," + f.end() + ")",
                        f.code() == ReasonCode.CASH_COLLECTION ? profile.rule(Rule.CASH) : profile.rule(Rule.CONTENT) + "/" + f.rule(), null);
            }
        }
        if (e.reasons.isEmpty()) {
            return new Verdict(Decision.ALLOW, List.of(), null, profile.id(), profile.version());
        }
        Instant next = null;
        if (!e.permanent) {
            next = request.channel().timeRestricted() ? nextInside(e.clearAt, hourZones, window) : e.clearAt;
        }
        return new Verdict(Decision.BLOCK, e.reasons, next, profile.id(), profile.version());
    }

    /** The reasons found so far and the instant the time-bound ones clear. */
    private static final class Evaluation {
        final List<Reason> reasons = new ArrayList<>(4);
        Instant clearAt;
        boolean permanent;

        Evaluation(Instant at) {
            clearAt = at;
        }

        /** {@code clears} null = does not clear by itself. */
        void block(ReasonCode code, String message, String rule, Instant clears) {
            reasons.add(new Reason(code, message, rule));
            if (clears == null) {
                permanent = true;
            } else if (clears.isAfter(clearAt)) {
                clearAt = clears;
            }
        }
    }

    private static List<Attempt> before(ContactHistory history, Instant at) {
        List<Attempt> all = history.attempts();
        int lo = 0;
        int hi = all.size();
        while (lo < hi) { // attempts are sorted by instant: the first at or after `at`
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).at().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return all.subList(0, lo);
    }

    private static void partyStatus(PartyFacts party, JurisdictionProfile profile, boolean liable, Evaluation e) {
        if (party.deceased() || party.role() == PartyRole.BORROWER && party.borrower().deceased()) {
            e.block(ReasonCode.DECEASED, "the party is deceased; only the estate (spouse, heir or its representative) may be contacted",
                    profile.rule(Rule.DECEASED), null);
        }
        if (party.bankrupt() && liable) {
            e.block(ReasonCode.BANKRUPTCY_HOLD, "the party is in bankruptcy proceedings", profile.rule(Rule.BANKRUPTCY), null);
        }
    }

    /**
     * Holds active at the request's instant. COMPLAINT pauses collection like a dispute (DISPUTE_HOLD) until the
     * complaint is resolved; PTP_IN_FORCE lets only {@link Purpose#PTP_REMINDER} through until the promise falls due,
     * reported as WAIT_AFTER_CONVERSATION (a promise was just agreed) and clearing at the hold's end.
     */
    private static void holds(ContactRequest request, List<Hold> holds, JurisdictionProfile profile, Evaluation e) {
        for (Hold hold : holds) {
            if (!hold.activeAt(request.at())) {
                continue;
            }
            String why = hold.reason() == null ? "" : ": " + hold.reason();
            switch (hold.type()) {
                case DISPUTE -> e.block(ReasonCode.DISPUTE_HOLD, "the debt is disputed" + why, profile.rule(Rule.DISPUTE), null);
                case CEASE_COMMUNICATION -> e.block(ReasonCode.CEASE_COMMUNICATION, "the party asked to cease communication" + why,
                        profile.rule(Rule.CEASE_COMMUNICATION), null);
                case BANKRUPTCY -> e.block(ReasonCode.BANKRUPTCY_HOLD, "bankruptcy hold" + why, profile.rule(Rule.BANKRUPTCY), null);
                case BREATHING_SPACE -> e.block(ReasonCode.BREATHING_SPACE, "breathing-space moratorium" + why,
                        profile.rule(Rule.BREATHING_SPACE), null);
                case DECEASED -> e.block(ReasonCode.DECEASED, "deceased hold" + why, profile.rule(Rule.DECEASED), null);
                case COMPLAINT -> {
                    if (request.purpose() != Purpose.LOCATE) {
                        e.block(ReasonCode.DISPUTE_HOLD, "an open complaint pauses collection" + why, profile.rule(Rule.COMPLAINT), null);
                    }
                }
                case PTP_IN_FORCE -> {
                    if (request.purpose() != Purpose.PTP_REMINDER) {
                        e.block(ReasonCode.WAIT_AFTER_CONVERSATION, "a promise to pay is in force"
                                + (hold.to() == null ? "" : " until " + hold.to()) + "; only a reminder of it is allowed",
                                profile.rule(Rule.PTP_IN_FORCE), hold.to());
                    }
                }
            }
        }
    }

    private static void thirdParty(ContactRequest request, PartyFacts party, List<Attempt> past,
                                   JurisdictionProfile profile, boolean borrowerDeceased, Evaluation e) {
        String rule = profile.rule(Rule.THIRD_PARTY);
        boolean refused = party.refusedContact();
        for (int i = past.size() - 1; i >= 0 && !refused; i--) {
            Attempt a = past.get(i);
            refused = a.outcome() == Outcome.REFUSED_CONTACT && a.partyId().equals(party.partyId());
        }
        if (refused) {
            e.block(ReasonCode.NO_CONSENT, "this third party asked not to be contacted again", rule, null);
        }
        if (request.purpose() != Purpose.LOCATE) {
            e.block(ReasonCode.THIRD_PARTY_DISCLOSURE, "a " + party.role() + " is not liable: only contact to locate the debtor is allowed",
                    rule, null);
        } else if (profile.thirdPartyNeedsDebtorUnreachable() && !borrowerDeceased && !party.borrower().incapacitated()
                && party.borrower().hasValidContactPoint()
                && consecutiveFailedAttempts(request.accountId(), party.borrower().partyId(), past)
                        < profile.unreachableAfterFailedAttempts()) {
            e.block(ReasonCode.THIRD_PARTY_DISCLOSURE, "the debtor is reachable (valid number, fewer than "
                    + profile.unreachableAfterFailedAttempts() + " consecutive failed attempts): third parties may not be contacted",
                    rule, null);
        }
    }

    /** Failed calls and visits to the debtor since the last one that reached someone. Messages prove nothing either way. */
    static int consecutiveFailedAttempts(String accountId, String debtorId, List<Attempt> past) {
        int failed = 0;
        for (int i = past.size() - 1; i >= 0; i--) {
            Attempt a = past.get(i);
            if (!a.partyId().equals(debtorId) || !a.accountId().equals(accountId)
                    || a.channel() != Channel.CALL && a.channel() != Channel.VISIT) {
                continue;
            }
            if (!a.outcome().isFailedAttempt()) {
                break;
            }
            failed++;
        }
        return failed;
    }

    private static void contactPoint(ContactPointFacts point, JurisdictionProfile profile, Evaluation e) {
        if (point == null) {
            return;
        }
        if (!point.valid()) {
            e.block(ReasonCode.CONTACT_POINT_INVALID, "contact point " + point.id() + " is marked invalid",
                    profile.rule(Rule.CONTACT_POINT), null);
        }
        if (!point.consent()) {
            e.block(ReasonCode.NO_CONSENT, "no consent to contact at " + point.id(), profile.rule(Rule.CONSENT), null);
        }
    }

    /** The party's zone (or, unknown, every zone of the jurisdiction) plus the contact point's zone when known. */
    private static Set<ZoneId> hourZones(PartyFacts party, ContactPointFacts point, JurisdictionProfile profile) {
        Set<ZoneId> zones = new LinkedHashSet<>(4);
        if (party.zone() != null) {
            zones.add(party.zone());
        } else {
            zones.addAll(profile.zones());
        }
        if (party.consentedWindow() == null && point != null && point.zone() != null) {
            zones.add(point.zone());
        }
        return zones;
    }

    /** One OUTSIDE_HOURS reason per zone where the window is closed; they clear together when all windows are open. */
    private static void hours(Instant at, Set<ZoneId> zones, TimeWindow window, boolean consented,
                              JurisdictionProfile profile, Evaluation e) {
        Instant opens = null;
        for (ZoneId zone : zones) {
            if (!window.contains(at, zone)) {
                opens = opens == null ? nextInside(at, zones, window) : opens;
                e.block(ReasonCode.OUTSIDE_HOURS, "it is " + at.atZone(zone).toLocalTime().withNano(0) + " in " + zone
                        + ", outside the " + (consented ? "consented " : "") + "contact window " + window,
                        profile.rule(Rule.HOURS), opens);
            }
        }
    }

    /**
     * The first instant at or after {@code from} that is inside the window in every zone: jump to the next window
     * start of any zone that is outside, until none is. Null when the zones' windows never overlap.
     */
    static Instant nextInside(Instant from, Set<ZoneId> zones, TimeWindow window) {
        Instant t = from;
        for (int round = 0; round < 8 * zones.size() + 8; round++) {
            boolean moved = false;
            for (ZoneId zone : zones) {
                if (!window.contains(t, zone)) {
                    t = window.nextStartAfter(t, zone);
                    moved = true;
                }
            }
            if (!moved) {
                return t;
            }
        }
        return null;
    }

    /**
     * The local calendar day (epoch day in {@code zone}) of each recent past attempt, computed once for all frequency
     * rules: {@code days[i]} belongs to {@code past.get(first + i)}; only attempts of the last {@code horizonDays}
     * days are read. Attempts are sorted by instant and a local date never goes back as the instant advances, except
     * in the few zones whose clocks fall back across midnight — there an attempt in the repeated hour may be missed.
     */
    private record RecentDays(int first, long[] days, long today) {

        static RecentDays of(List<Attempt> past, Instant at, ZoneId zone, int horizonDays) {
            ZoneRules rules = zone.getRules();
            long today = epochDay(at, rules);
            long oldest = today - horizonDays + 1;
            int first = past.size();
            while (first > 0 && epochDay(past.get(first - 1).at(), rules) >= oldest) {
                first--;
            }
            long[] days = new long[past.size() - first];
            for (int i = 0; i < days.length; i++) {
                days[i] = epochDay(past.get(first + i).at(), rules);
            }
            return new RecentDays(first, days, today);
        }

        private static long epochDay(Instant instant, ZoneRules rules) {
            return Math.floorDiv(instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds(), 86_400L);
        }
    }

    private static void frequency(ContactRequest request, FrequencyRule rule, boolean liable, List<Attempt> past,
                                  RecentDays recent, ZoneId dayZone, Evaluation e) {
        if (!rule.appliesTo().contains(request.channel())
                || rule.audience() == Audience.LIABLE && !liable
                || rule.audience() == Audience.THIRD_PARTY && liable) {
            return;
        }
        String key = switch (rule.scope()) {
            case ACCOUNT -> request.accountId();
            case PARTY -> request.partyId();
            case CONTACT_POINT -> request.contactPointId();
        };
        if (key == null) {
            return;
        }
        long firstDay = recent.today() - rule.days() + 1;
        int count = 0;
        long leaving = 0; // the local day of the max-th newest counted attempt: it must leave the window
        for (int i = recent.days().length - 1; i >= 0 && recent.days()[i] >= firstDay; i--) { // newest first
            Attempt a = past.get(recent.first() + i);
            String attemptKey = switch (rule.scope()) {
                case ACCOUNT -> a.accountId();
                case PARTY -> a.partyId();
                case CONTACT_POINT -> a.contactPointId();
            };
            if (key.equals(attemptKey) && rule.counted().contains(a.channel()) && rule.countedOutcomes().contains(a.outcome())
                    && ++count == rule.max()) {
                leaving = recent.days()[i];
            }
        }
        if (count < rule.max()) {
            return;
        }
        LocalDate clearsOn = LocalDate.ofEpochDay(leaving + rule.days());
        e.block(rule.code(), count + " " + rule.what() + (rule.days() == 1 ? " today" : " in " + rule.days()
                + " consecutive days") + " (limit " + rule.max() + "); clears at the start of " + clearsOn,
                rule.id(), clearsOn.atStartOfDay(dayZone).toInstant());
    }
}
