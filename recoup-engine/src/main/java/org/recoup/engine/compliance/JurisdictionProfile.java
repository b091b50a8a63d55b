package org.recoup.engine.compliance;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.recoup.engine.compliance.FrequencyRule.Audience;
import org.recoup.engine.compliance.FrequencyRule.Scope;
import org.recoup.engine.debt.Jurisdiction;

/**
 * A jurisdiction's contact rules as data (contract §5): every number is a component here, every rule carries the id
 * a {@link Verdict.Reason} cites (sources in docs/compliance.md). {@link #defaults(Jurisdiction)} is what ships; a
 * portfolio changes numbers with {@link #withOverrides(Consumer)}. A cap of 0 switches that rule off.
 *
 * @param hours                            contact window in the party's local time (start inclusive, end exclusive)
 * @param zones                            every zone of the jurisdiction: a party without a zone may be contacted
 *                                         only when the time is inside the window in all of them
 * @param conversationsPerDebtorPerDay     connected conversations (see {@link Outcome#isConnectedConversation()})
 *                                         per liable party per local day (CN 3)
 * @param dialAttemptsPerNumberPerDay      call attempts per contact point per local day, whatever the outcome (CN 6)
 * @param messagesPerPartyPerDay           SMS and e-mail per party per local day (CN 3)
 * @param contactsPerPartyPerDay           call/SMS/e-mail/visit attempts per party per local day (UK 3)
 * @param rollingWindowDays                length of the rolling window in local days (US 7, UK 7)
 * @param rollingCallAttemptCap            call attempts per account within the rolling window, NOT_CONNECTED
 *                                         excluded (US 7)
 * @param rollingContactCap                call/SMS/e-mail/visit attempts per party within the rolling window (UK 10)
 * @param waitAfterConversationDays        no call for this many days after a right-party telephone conversation,
 *                                         the conversation day being day 1 (US 7)
 * @param thirdPartyAttemptsPerDay         attempts per third party per local day (1)
 * @param thirdPartyNeedsDebtorUnreachable third parties only when the debtor is unreachable, deceased or
 *                                         incapacitated (CN)
 * @param unreachableAfterFailedAttempts   consecutive failed calls/visits to the debtor that make them unreachable
 * @param estateOnlyExecutorOrSpouse       for a deceased borrower, an HEIR is liable only as executor/administrator
 *                                         (US); otherwise SPOUSE and HEIR both speak for the estate (CN, UK)
 * @param visitStaffMinimum                staff needed on a visit (CN 2; 1 = no rule)
 * @param cashCollectionBanned             content asking for cash is blocked (CN)
 * @param rules                            the rule id cited for each kind of rule
 */
public record JurisdictionProfile(
        String id,
        int version,
        Jurisdiction jurisdiction,
        TimeWindow hours,
        List<ZoneId> zones,
        int conversationsPerDebtorPerDay,
        int dialAttemptsPerNumberPerDay,
        int messagesPerPartyPerDay,
        int contactsPerPartyPerDay,
        int rollingWindowDays,
        int rollingCallAttemptCap,
        int rollingContactCap,
        int waitAfterConversationDays,
        int thirdPartyAttemptsPerDay,
        boolean thirdPartyNeedsDebtorUnreachable,
        int unreachableAfterFailedAttempts,
        boolean estateOnlyExecutorOrSpouse,
        int visitStaffMinimum,
        boolean cashCollectionBanned,
        Map<Rule, String> rules) {

    /** The kinds of rule a profile cites. */
    public enum Rule {
        HOURS, CONVERSATIONS_PER_DAY, DIALS_PER_NUMBER_PER_DAY, MESSAGES_PER_DAY, CONTACTS_PER_DAY, ROLLING_CALLS,
        ROLLING_CONTACTS, WAIT_AFTER_CONVERSATION, THIRD_PARTY, THIRD_PARTY_PER_DAY, DECEASED, DISPUTE,
        CEASE_COMMUNICATION, BANKRUPTCY, COMPLAINT, BREATHING_SPACE, PTP_IN_FORCE, CONSENT, CONTACT_POINT,
        VISIT_STAFF, CASH, CONTENT
    }

    // immutable constants: FrequencyRule keeps them without copying
    private static final Set<Channel> CALL = Set.of(Channel.CALL);
    private static final Set<Channel> MESSAGES = Set.of(Channel.SMS, Channel.EMAIL);
    private static final Set<Channel> ALL_BUT_LETTER = Set.of(Channel.CALL, Channel.SMS, Channel.EMAIL, Channel.VISIT);
    private static final Set<Outcome> ANY_OUTCOME = Set.of(Outcome.values());
    private static final Set<Outcome> CONNECTED = Arrays.stream(Outcome.values())
            .filter(Outcome::isConnectedConversation).collect(Collectors.toUnmodifiableSet());
    private static final Set<Outcome> REACHED = Set.copyOf(EnumSet.complementOf(EnumSet.of(Outcome.NOT_CONNECTED)));
    private static final Set<Outcome> CONVERSATION_WITH_CONSUMER = Set.of(Outcome.RIGHT_PARTY, Outcome.REFUSED_CONTACT);

    public JurisdictionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(hours, "hours");
        zones = List.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException(id + ": zones must name at least one zone");
        }
        for (int n : new int[] {conversationsPerDebtorPerDay, dialAttemptsPerNumberPerDay, messagesPerPartyPerDay,
                contactsPerPartyPerDay, rollingCallAttemptCap, rollingContactCap, waitAfterConversationDays,
                thirdPartyAttemptsPerDay, unreachableAfterFailedAttempts}) {
            if (n < 0) {
                throw new IllegalArgumentException(id + ": caps and day counts must not be negative");
            }
        }
        if (rollingWindowDays < 1) {
            throw new IllegalArgumentException(id + ": rollingWindowDays must be at least 1");
        }
        if (visitStaffMinimum < 1) {
            throw new IllegalArgumentException(id + ": visitStaffMinimum must be at least 1");
        }
        EnumMap<Rule, String> ids = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            ids.put(rule, jurisdiction.name() + "." + rule.name().toLowerCase().replace('_', '-'));
        }
        ids.putAll(rules);
        rules = Map.copyOf(ids);
    }

    /** The shipped profile of contract §5 for an account's jurisdiction. */
    public static JurisdictionProfile defaults(Jurisdiction jurisdiction) {
        return switch (jurisdiction) {
            case CN -> new JurisdictionProfile("CN", 1, Jurisdiction.CN, TimeWindow.of("08:00", "22:00"),
                    List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Urumqi")),
                    3, 6, 3, 0, 7, 0, 0, 0, 1, true, 3, false, 2, true,
                    Map.ofEntries(
                            Map.entry(Rule.HOURS, "CN.hours"),
                            Map.entry(Rule.CONVERSATIONS_PER_DAY, "CN.frequency.conversations"),
                            Map.entry(Rule.DIALS_PER_NUMBER_PER_DAY, "CN.frequency.dials"),
                            Map.entry(Rule.MESSAGES_PER_DAY, "CN.frequency.messages"),
                            Map.entry(Rule.THIRD_PARTY, "CN.third-party"),
                            Map.entry(Rule.THIRD_PARTY_PER_DAY, "CN.third-party.frequency"),
                            Map.entry(Rule.DECEASED, "CN.CivilCode.1161"),
                            Map.entry(Rule.CONSENT, "CN.PIPL.13"),
                            Map.entry(Rule.VISIT_STAFF, "CN.visit.staff"),
                            Map.entry(Rule.CASH, "CN.visit.no-cash"),
                            Map.entry(Rule.CONTENT, "CN.content")));
            case US -> new JurisdictionProfile("US", 1, Jurisdiction.US, TimeWindow.of("08:00", "21:00"),
                    List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"),
                            ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"),
                            ZoneId.of("America/Anchorage"), ZoneId.of("Pacific/Honolulu")),
                    0, 0, 0, 0, 7, 7, 0, 7, 1, false, 3, true, 1, false,
                    Map.ofEntries(
                            Map.entry(Rule.HOURS, "US.1006.6(b)(1)(i)"),
                            Map.entry(Rule.ROLLING_CALLS, "US.1006.14(b)(2)(i)(A)"),
                            Map.entry(Rule.WAIT_AFTER_CONVERSATION, "US.1006.14(b)(2)(i)(B)"),
                            Map.entry(Rule.THIRD_PARTY, "US.1006.10"),
                            Map.entry(Rule.THIRD_PARTY_PER_DAY, "US.1692b(3)"),
                            Map.entry(Rule.DECEASED, "US.1006.6(a)(4)"),
                            Map.entry(Rule.CEASE_COMMUNICATION, "US.1006.6(c)"),
                            Map.entry(Rule.DISPUTE, "US.1006.38(d)(2)"),
                            Map.entry(Rule.BANKRUPTCY, "US.11USC362"),
                            Map.entry(Rule.CONSENT, "US.1006.6(e)"),
                            Map.entry(Rule.CONTENT, "US.1006.14-18")));
            case UK -> new JurisdictionProfile("UK", 1, Jurisdiction.UK, TimeWindow.of("08:00", "21:00"),
                    List.of(ZoneId.of("Europe/London")),
                    0, 0, 0, 3, 7, 0, 10, 0, 1, false, 3, false, 1, false,
                    Map.ofEntries(
                            Map.entry(Rule.HOURS, "UK.CONC7.9.4"),
                            Map.entry(Rule.CONTACTS_PER_DAY, "UK.CONC7.3.4"),
                            Map.entry(Rule.ROLLING_CONTACTS, "UK.CONC7.3.4"),
                            Map.entry(Rule.THIRD_PARTY, "UK.CONC7.9.7"),
                            Map.entry(Rule.THIRD_PARTY_PER_DAY, "UK.CONC7.9.7"),
                            Map.entry(Rule.DISPUTE, "UK.CONC7.14"),
                            Map.entry(Rule.BREATHING_SPACE, "UK.DRS2020.reg7"),
                            Map.entry(Rule.CONTENT, "UK.CONC7.11")));
        };
    }

    /** All three shipped profiles. */
    public static Map<Jurisdiction, JurisdictionProfile> defaults() {
        EnumMap<Jurisdiction, JurisdictionProfile> all = new EnumMap<>(Jurisdiction.class);
        for (Jurisdiction j : Jurisdiction.values()) {
            all.put(j, defaults(j));
        }
        return Map.copyOf(all);
    }

    public String rule(Rule rule) {
        return rules.get(rule);
    }

    /**
     * A copy with some numbers changed, e.g. for one portfolio:
     * {@code defaults(CN).withOverrides(p -> p.id("CN/portfolio-7").messagesPerPartyPerDay(2))}.
     */
    public JurisdictionProfile withOverrides(Consumer<Builder> overrides) {
        Builder builder = new Builder(this);
        overrides.accept(builder);
        return builder.build();
    }

    /** The frequency caps of this profile as rules; caps set to 0 produce none. */
    public List<FrequencyRule> frequencyRules() {
        List<FrequencyRule> list = new ArrayList<>(8);
        Set<Channel> call = CALL;
        Set<Channel> messages = MESSAGES;
        if (conversationsPerDebtorPerDay > 0) {
            list.add(new FrequencyRule(rule(Rule.CONVERSATIONS_PER_DAY), ReasonCode.DAILY_LIMIT, Scope.PARTY,
                    Audience.LIABLE, call, call, CONNECTED, 1, conversationsPerDebtorPerDay,
                    "connected conversations with this party"));
        }
        if (dialAttemptsPerNumberPerDay > 0) {
            list.add(new FrequencyRule(rule(Rule.DIALS_PER_NUMBER_PER_DAY), ReasonCode.DAILY_LIMIT, Scope.CONTACT_POINT,
                    Audience.ANY, call, call, ANY_OUTCOME, 1, dialAttemptsPerNumberPerDay, "dial attempts to this number"));
        }
        if (messagesPerPartyPerDay > 0) {
            list.add(new FrequencyRule(rule(Rule.MESSAGES_PER_DAY), ReasonCode.DAILY_LIMIT, Scope.PARTY, Audience.ANY,
                    messages, messages, ANY_OUTCOME, 1, messagesPerPartyPerDay, "messages to this party"));
        }
        Set<Outcome> reached = REACHED;
        if (contactsPerPartyPerDay > 0) {
            list.add(new FrequencyRule(rule(Rule.CONTACTS_PER_DAY), ReasonCode.DAILY_LIMIT, Scope.PARTY, Audience.ANY,
                    ALL_BUT_LETTER, ALL_BUT_LETTER, reached, 1, contactsPerPartyPerDay, "contacts with this party"));
        }
        if (rollingCallAttemptCap > 0) {
            list.add(new FrequencyRule(rule(Rule.ROLLING_CALLS), ReasonCode.ROLLING_LIMIT, Scope.ACCOUNT, Audience.ANY,
                    call, call, reached, rollingWindowDays, rollingCallAttemptCap,
                    "call attempts about this account"));
        }
        if (rollingContactCap > 0) {
            list.add(new FrequencyRule(rule(Rule.ROLLING_CONTACTS), ReasonCode.ROLLING_LIMIT, Scope.PARTY, Audience.ANY,
                    ALL_BUT_LETTER, ALL_BUT_LETTER, reached, rollingWindowDays, rollingContactCap,
                    "contacts with this party"));
        }
        if (waitAfterConversationDays > 0) {
            list.add(new FrequencyRule(rule(Rule.WAIT_AFTER_CONVERSATION), ReasonCode.WAIT_AFTER_CONVERSATION,
                    Scope.ACCOUNT, Audience.ANY, call, call, CONVERSATION_WITH_CONSUMER,
                    waitAfterConversationDays, 1, "telephone conversations about this account"));
        }
        if (thirdPartyAttemptsPerDay > 0) {
            list.add(new FrequencyRule(rule(Rule.THIRD_PARTY_PER_DAY), ReasonCode.THIRD_PARTY_LIMIT, Scope.PARTY,
                    Audience.THIRD_PARTY, ALL_BUT_LETTER, ALL_BUT_LETTER, ANY_OUTCOME, 1, thirdPartyAttemptsPerDay,
                    "attempts to this third party"));
        }
        return Collections.unmodifiableList(list);
    }

    /** Changes numbers of an existing profile; every setter returns the builder. */
    public static final class Builder {
        private String id;
        private int version;
        private final Jurisdiction jurisdiction;
        private TimeWindow hours;
        private List<ZoneId> zones;
        private int conversationsPerDebtorPerDay;
        private int dialAttemptsPerNumberPerDay;
        private int messagesPerPartyPerDay;
        private int contactsPerPartyPerDay;
        private int rollingWindowDays;
        private int rollingCallAttemptCap;
        private int rollingContactCap;
        private int waitAfterConversationDays;
        private int thirdPartyAttemptsPerDay;
        private boolean thirdPartyNeedsDebtorUnreachable;
        private int unreachableAfterFailedAttempts;
        private boolean estateOnlyExecutorOrSpouse;
        private int visitStaffMinimum;
        private boolean cashCollectionBanned;
        private final Map<Rule, String> rules;

        private Builder(JurisdictionProfile p) {
            id = p.id;
            version = p.version;
            jurisdiction = p.jurisdiction;
            hours = p.hours;
            zones = p.zones;
            conversationsPerDebtorPerDay = p.conversationsPerDebtorPerDay;
            dialAttemptsPerNumberPerDay = p.dialAttemptsPerNumberPerDay;
            messagesPerPartyPerDay = p.messagesPerPartyPerDay;
            contactsPerPartyPerDay = p.contactsPerPartyPerDay;
            rollingWindowDays = p.rollingWindowDays;
            rollingCallAttemptCap = p.rollingCallAttemptCap;
            rollingContactCap = p.rollingContactCap;
            waitAfterConversationDays = p.waitAfterConversationDays;
            thirdPartyAttemptsPerDay = p.thirdPartyAttemptsPerDay;
            thirdPartyNeedsDebtorUnreachable = p.thirdPartyNeedsDebtorUnreachable;
            unreachableAfterFailedAttempts = p.unreachableAfterFailedAttempts;
            estateOnlyExecutorOrSpouse = p.estateOnlyExecutorOrSpouse;
            visitStaffMinimum = p.visitStaffMinimum;
            cashCollectionBanned = p.cashCollectionBanned;
            rules = new EnumMap<>(p.rules);
        }

        public Builder id(String value) { id = value; return this; }
        public Builder version(int value) { version = value; return this; }
        public Builder hours(TimeWindow value) { hours = value; return this; }
        public Builder hours(String start, String end) { hours = new TimeWindow(LocalTime.parse(start), LocalTime.parse(end)); return this; }
        public Builder zones(List<ZoneId> value) { zones = value; return this; }
        public Builder conversationsPerDebtorPerDay(int value) { conversationsPerDebtorPerDay = value; return this; }
        public Builder dialAttemptsPerNumberPerDay(int value) { dialAttemptsPerNumberPerDay = value; return this; }
        public Builder messagesPerPartyPerDay(int value) { messagesPerPartyPerDay = value; return this; }
        public Builder contactsPerPartyPerDay(int value) { contactsPerPartyPerDay = value; return this; }
        public Builder rollingWindowDays(int value) { rollingWindowDays = value; return this; }
        public Builder rollingCallAttemptCap(int value) { rollingCallAttemptCap = value; return this; }
        public Builder rollingContactCap(int value) { rollingContactCap = value; return this; }
        public Builder waitAfterConversationDays(int value) { waitAfterConversationDays = value; return this; }
        public Builder thirdPartyAttemptsPerDay(int value) { thirdPartyAttemptsPerDay = value; return this; }
        public Builder thirdPartyNeedsDebtorUnreachable(boolean value) { thirdPartyNeedsDebtorUnreachable = value; return this; }
        public Builder unreachableAfterFailedAttempts(int value) { unreachableAfterFailedAttempts = value; return this; }
        public Builder estateOnlyExecutorOrSpouse(boolean value) { estateOnlyExecutorOrSpouse = value; return this; }
        public Builder visitStaffMinimum(int value) { visitStaffMinimum = value; return this; }
        public Builder cashCollectionBanned(boolean value) { cashCollectionBanned = value; return this; }
        public Builder rule(Rule rule, String citation) { rules.put(rule, citation); return this; }

        public JurisdictionProfile build() {
            return new JurisdictionProfile(id, version, jurisdiction, hours, zones, conversationsPerDebtorPerDay,
                    dialAttemptsPerNumberPerDay, messagesPerPartyPerDay, contactsPerPartyPerDay, rollingWindowDays,
                    rollingCallAttemptCap, rollingContactCap, waitAfterConversationDays, thirdPartyAttemptsPerDay,
                    thirdPartyNeedsDebtorUnreachable, unreachableAfterFailedAttempts, estateOnlyExecutorOrSpouse,
                    visitStaffMinimum, cashCollectionBanned, rules);
        }
    }
}
