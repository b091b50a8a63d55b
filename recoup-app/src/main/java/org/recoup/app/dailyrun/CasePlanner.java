package org.recoup.app.dailyrun;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.ReasonCode;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.strategy.Action;
import org.recoup.engine.strategy.Treatment;

/**
 * Merges the treatments of a case's accounts into the case's planned actions: one per action type (one queue item for
 * calls, one message per channel, one task per escalation), carrying the highest-priority treatment of that type and
 * listing the accounts that asked for it; picks the contact point and the planned instant (the business date at the
 * channel's local hour in the party's zone. The queue item (calls) lists all the case's accounts: calls 10:00 and visits 15:00, the best hours of PRACTICE §4; messages
 * 10:30; letters and tasks 09:00).
 */
final class CasePlanner {

    private CasePlanner() {
    }

    /** A planned action before the compliance gate; {@code dropReason} set when it cannot be made at all. */
    record Planned(String caseId, Action action, String kind, String partyId, Channel channel, String contactPointId,
                   Treatment treatment, String ruleId, List<String> accounts, Instant plannedAt, String dropReason) {
    }

    /**
     * How a party is reached: its zone and the contact point for each channel (null when none), chosen once per
     * account by the account step and stored with the decision ({@code run_decision.reach}).
     */
    record Reach(ZoneId zone, String call, String sms, String email, String address) {

        static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

        static Reach of(String zoneName, List<AccountInput.Point> points) {
            return new Reach(zone(zoneName), contactPoint(Channel.CALL, points), contactPoint(Channel.SMS, points),
                    contactPoint(Channel.EMAIL, points), contactPoint(Channel.LETTER, points));
        }

        String encode() {
            return zone.getId() + "|" + nz(call) + "|" + nz(sms) + "|" + nz(email) + "|" + nz(address);
        }

        static Reach decode(String text) {
            if (text == null || text.isEmpty()) {
                return new Reach(DEFAULT_ZONE, null, null, null, null);
            }
            String[] f = text.split("\\|", -1);
            return new Reach(zone(f[0]), blank(f[1]), blank(f[2]), blank(f[3]), blank(f[4]));
        }

        String point(Channel channel) {
            return switch (channel) {
                case CALL -> call;
                case SMS -> sms;
                case EMAIL -> email;
                case LETTER, VISIT -> address;
            };
        }

        private static ZoneId zone(String name) {
            try {
                return name == null || name.isBlank() ? DEFAULT_ZONE : ZoneId.of(name.strip());
            } catch (java.time.DateTimeException e) {
                return DEFAULT_ZONE;
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private static String blank(String s) {
            return s.isEmpty() ? null : s;
        }
    }

    static List<Planned> plan(CaseGroup group, List<AccountInput.Point> points, ZoneId zone, LocalDate asOf) {
        Reach r = Reach.of(zone.getId(), points);
        return plan(group, r, asOf);
    }

    static List<Planned> plan(CaseGroup group, Reach reach, LocalDate asOf) {
        ZoneId zone = reach.zone();
        Map<Action, AccountDecision.RuledTreatment> best = new EnumMap<>(Action.class);
        Map<Action, TreeSet<String>> accounts = new EnumMap<>(Action.class);
        for (CaseGroup.Member m : group.members()) {
            for (AccountDecision.RuledTreatment rt : m.treatments()) {
                Action a = rt.treatment().action();
                if (a == Action.NO_ACTION) {
                    continue;
                }
                AccountDecision.RuledTreatment current = best.get(a);
                if (current == null || rt.treatment().priority() > current.treatment().priority()) {
                    best.put(a, rt);
                }
                accounts.computeIfAbsent(a, k -> new TreeSet<>()).add(m.accountId());
            }
        }
        List<Planned> out = new ArrayList<>(best.size());
        for (Map.Entry<Action, AccountDecision.RuledTreatment> e : best.entrySet()) {
            Action a = e.getKey();
            Channel channel = channel(a);
            String point = null;
            String drop = null;
            if (channel != null) {
                if (group.partyId() == null) {
                    drop = "NO_PARTY: the case has no borrower party to contact";
                } else {
                    point = reach.point(channel);
                    if (point == null) {
                        drop = "NO_CONTACT_POINT: no valid" + (channel == Channel.LETTER || channel == Channel.VISIT
                                ? "" : ", consented") + " " + pointTypes(channel) + " on file";
                    }
                }
            }
            // the queue item is the case's: it lists every account; messages and tasks list the accounts asking for them
            List<String> listed = a == Action.CALL
                    ? group.members().stream().map(CaseGroup.Member::accountId).sorted().toList()
                    : List.copyOf(accounts.get(a));
            out.add(new Planned(group.caseId(), a, kind(a), group.partyId(), channel, point, e.getValue().treatment(),
                    e.getValue().ruleId(), listed, asOf.atTime(hour(channel)).atZone(zone).toInstant(),
                    drop));
        }
        return out;
    }

    /** What becomes of a planned action: its status, instant and the reasons when it is not PLANNED. */
    record Outcome(String status, Instant at, String reasons) {
    }

    /**
     * Applies the gate's verdict (null: not screened): allowed → PLANNED at the planned instant; blocked with a
     * {@code nextAllowedAt} → DEFERRED to it; blocked for good (a hold, no consent…) → DROPPED. Reasons are kept as
     * {@code CODE: message [rule]}. A visit's staff minimum does not block the proposal: staff are assigned when
     * the visit is scheduled.
     */
    static Outcome outcome(Planned p, Verdict verdict) {
        if (p.dropReason() != null) {
            return new Outcome("DROPPED", p.plannedAt(), p.dropReason());
        }
        if (verdict == null || verdict.allowed()) {
            return new Outcome("PLANNED", p.plannedAt(), "");
        }
        List<Verdict.Reason> blocking = verdict.reasons().stream()
                .filter(r -> !(p.channel() == Channel.VISIT && r.code() == ReasonCode.VISIT_STAFF_MINIMUM))
                .toList();
        if (blocking.isEmpty()) {
            return new Outcome("PLANNED", p.plannedAt(), "");
        }
        String reasons = String.join("; ", blocking.stream()
                .map(r -> r.code() + ": " + r.message() + " [" + r.rule() + "]").toList());
        return verdict.nextAllowedAt() != null ? new Outcome("DEFERRED", verdict.nextAllowedAt(), reasons)
                : new Outcome("DROPPED", p.plannedAt(), reasons);
    }

    /** The template (or script) of a promise reminder: sent while the promise is in force (purpose PTP_REMINDER). */
    static final String PTP_REMINDER = "ptp-reminder";

    /**
     * Why the contact is made, for the gate: a promise reminder ({@value #PTP_REMINDER} template or script) is
     * {@link Purpose#PTP_REMINDER}, which a promise in force lets through — screened as a collection contact it would
     * be deferred until after the promised date it reminds of; everything else is {@link Purpose#COLLECTION}.
     */
    static Purpose purpose(Planned p) {
        return PTP_REMINDER.equals(p.treatment().template()) || PTP_REMINDER.equals(p.treatment().script())
                ? Purpose.PTP_REMINDER : Purpose.COLLECTION;
    }

    static String kind(Action a) {
        return switch (a) {
            case CALL -> "QUEUE";
            case SMS, EMAIL, LETTER -> "OUTBOX";
            default -> "TASK";
        };
    }

    /** The channel through which the action reaches the party (screened by the gate); null for internal tasks. */
    static Channel channel(Action a) {
        return switch (a) {
            case CALL -> Channel.CALL;
            case SMS -> Channel.SMS;
            case EMAIL -> Channel.EMAIL;
            case LETTER -> Channel.LETTER;
            case VISIT_REVIEW -> Channel.VISIT;
            default -> null;
        };
    }

    private static LocalTime hour(Channel channel) {
        if (channel == null) {
            return LocalTime.of(9, 0);
        }
        return switch (channel) {
            case CALL -> LocalTime.of(10, 0);
            case SMS, EMAIL -> LocalTime.of(10, 30);
            case LETTER -> LocalTime.of(9, 0);
            case VISIT -> LocalTime.of(15, 0);
        };
    }

    private static List<String> pointTypes(Channel channel) {
        return switch (channel) {
            case CALL -> List.of("MOBILE", "HOME_PHONE", "WORK_PHONE");
            case SMS -> List.of("MOBILE");
            case EMAIL -> List.of("EMAIL");
            case LETTER, VISIT -> List.of("ADDRESS");
        };
    }

    /** The first valid contact point of the channel's preferred types (consent needed except for letters and visits). */
    static String contactPoint(Channel channel, List<AccountInput.Point> points) {
        boolean needsConsent = channel != Channel.LETTER && channel != Channel.VISIT;
        for (String type : pointTypes(channel)) {
            for (AccountInput.Point p : points) { // points are in id order
                if (p.type().equals(type) && p.valid() && (p.consent() || !needsConsent)) {
                    return p.id();
                }
            }
        }
        return null;
    }
}
