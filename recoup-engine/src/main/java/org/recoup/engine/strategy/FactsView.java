package org.recoup.engine.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelVariableResolver;

import org.recoup.engine.segmentation.SegmentTag;

/**
 * The variables a strategy condition may use: flat, dotted names with a CEL type each, read from {@link StrategyFacts}.
 * Integers are CEL {@code int} (Java {@code Long}), amounts in major units are {@code double}, enums are their name as
 * {@code string}. Money for exact comparisons stays in minor units ({@code account.overdueMinor}).
 *
 * <p>Optional facts ({@code ptp.daysToDue}, {@code ptp.daysSinceResolved}, {@code payments.lastPaymentDaysAgo},
 * {@code party.age}, {@code calendar.daysToNextDue}) have no value when absent: a condition that reads one without a
 * guard ({@code ptp.active && ptp.daysToDue == 2}) does not match and says so in the trace.
 */
public final class FactsView {

    /** One variable of the view. */
    public record Variable(String name, CelType type, String description, Function<StrategyFacts, Object> read) {
    }

    private static final Map<String, Variable> VARIABLES = new LinkedHashMap<>();
    private static final Map<Set<SegmentTag>, List<String>> TAG_LISTS = new ConcurrentHashMap<>();

    static {
        // account — the delinquency state (contract §3)
        str("account.product", "CONSUMER_LOAN, CREDIT_CARD, B2B_RECEIVABLE, PROPERTY_FEE", f -> f.account().product().name());
        integer("account.dpd", "days past due", f -> f.account().dpd());
        str("account.bucket", "M0, M1 … M6+", f -> f.account().bucket());
        str("account.stage", "PRE_DUE, CURRENT, EARLY, MID, LATE, LEGAL", f -> f.account().stage());
        str("account.agingBucket", "receivable aging: CURRENT, Y0_1 … Y5_PLUS", f -> f.account().agingBucket().name());
        str("account.riskClass", "NOT_DUE, OVERDUE, DOUBTFUL, BAD, DEAD", f -> f.account().riskClass().name());
        integer("account.overdueMinor", "overdue total in minor units", f -> f.account().overdueMinor());
        dbl("account.overdueTotal", "overdue total in major units", f -> f.account().overdueMajor());
        integer("account.outstandingMinor", "outstanding principal in minor units", f -> f.account().outstandingMinor());
        str("account.currency", "ISO 4217 code", f -> f.account().currency().getCurrencyCode());
        // segment — PRACTICE §3
        str("segment.grade", "A, B, C", f -> f.segment().grade().name());
        str("segment.quadrant", "WILLING_ABLE, WILLING_UNABLE, UNWILLING_ABLE, UNWILLING_UNABLE", f -> f.segment().quadrant().name());
        str("segment.willingness", "HIGH, LOW", f -> f.segment().willingness().name());
        str("segment.ability", "HIGH, LOW", f -> f.segment().ability().name());
        define("segment.tags", ListType.create(SimpleType.STRING), "DECEASED, BANKRUPT, LOST_CONTACT, … (list)",
                f -> tagList(f.segment().tags()));
        // ptp — promises to pay
        str("ptp.lastStatus", "NONE, PENDING, KEPT, BROKEN", f -> f.ptp().lastStatus().name());
        bool("ptp.active", "a promise is open (PENDING)", f -> f.ptp().lastStatus() == org.recoup.engine.segmentation.PtpStatus.PENDING);
        integer("ptp.daysToDue", "days to the open promise's date; absent unless PENDING", f -> f.ptp().daysToDue());
        integer("ptp.daysSinceResolved", "days since the last promise was kept/broken; absent otherwise",
                f -> f.ptp().daysSinceResolved());
        integer("ptp.made", "promises made", f -> f.ptp().made());
        integer("ptp.kept", "promises kept", f -> f.ptp().kept());
        integer("ptp.broken", "promises broken", f -> f.ptp().broken());
        // contacts — outcomes of attempts
        integer("contacts.rightPartyLast7", "right-party contacts, last 7 days", f -> f.contacts().rightPartyLast7());
        integer("contacts.rightPartyLast30", "right-party contacts, last 30 days", f -> f.contacts().rightPartyLast30());
        integer("contacts.rightPartyLast90", "right-party contacts, last 90 days", f -> f.contacts().rightPartyLast90());
        integer("contacts.refusalsLast30", "refusals to pay, last 30 days", f -> f.contacts().refusalsLast30());
        integer("contacts.disputesLast90", "disputes, last 90 days", f -> f.contacts().disputesLast90());
        integer("contacts.claimsPaidLast90", "claims of having paid, last 90 days", f -> f.contacts().claimsPaidLast90());
        integer("contacts.noAnswerLast30", "no answer / wrong number, last 30 days", f -> f.contacts().noAnswerOrWrongLast30());
        integer("contacts.failedStreak", "failed attempts since the last right-party contact", f -> f.contacts().consecutiveFailures());
        bool("contacts.lostContact", "segment tag LOST_CONTACT", StrategyFacts::lostContact);
        // payments
        integer("payments.partialCount", "partial payments", f -> f.payments().partialCount());
        bool("payments.regularPayer", "paid on time for six months before this delinquency", f -> f.payments().regularPayer());
        integer("payments.lastPaymentDaysAgo", "days since the last payment; absent if never paid",
                f -> f.payments().lastPaymentDaysAgo());
        // party
        str("party.type", "PERSON, BUSINESS", f -> f.party().type().name());
        str("party.occupation", "WHITE_COLLAR, RETIREE, BUSINESS_OWNER, WORKER, STUDENT, UNKNOWN", f -> f.party().occupation().name());
        integer("party.age", "years; absent if unknown", f -> f.party().age());
        bool("party.deceased", "deceased", f -> f.party().deceased());
        bool("party.bankrupt", "bankrupt", f -> f.party().bankrupt());
        bool("party.incarcerated", "incarcerated", f -> f.party().incarcerated());
        bool("party.complaint", "open complaint against the lender", f -> f.party().complaint());
        bool("party.hardship", "hardship declared or evidenced", f -> f.party().declaredHardship());
        // calendar — the business date, never the clock
        integer("calendar.dayOfMonth", "1..31", f -> f.calendar().dayOfMonth());
        integer("calendar.dayOfWeek", "1 = Monday … 7 = Sunday", f -> f.calendar().dayOfWeek());
        integer("calendar.daysToNextDue", "days to the next due date; absent if none", f -> f.calendar().daysToNextDue());
        integer("calendar.daysToMonthEnd", "days to the last day of the month", f -> f.calendar().daysToMonthEnd());
    }

    private static final Variable[] BY_INDEX;
    private static final Map<String, Integer> INDEX = new java.util.HashMap<>();

    static {
        BY_INDEX = VARIABLES.values().toArray(Variable[]::new);
        for (int i = 0; i < BY_INDEX.length; i++) {
            INDEX.put(BY_INDEX[i].name(), i);
        }
    }

    private FactsView() {
    }

    /** Position of a variable in {@link #variables()}; -1 if unknown. */
    static int indexOf(String name) {
        Integer i = INDEX.get(name);
        return i == null ? -1 : i;
    }

    static int size() {
        return BY_INDEX.length;
    }

    /** The value of the variable at {@code index} for a case; null if absent. */
    static Object read(int index, StrategyFacts facts) {
        return BY_INDEX[index].read().apply(facts);
    }

    /** Every variable, in documentation order. */
    public static List<Variable> variables() {
        return List.copyOf(VARIABLES.values());
    }

    public static Optional<Variable> variable(String name) {
        return Optional.ofNullable(VARIABLES.get(name));
    }

    /** The namespaces ({@code account}, {@code segment}, …). */
    public static Set<String> namespaces() {
        Set<String> namespaces = new java.util.LinkedHashSet<>();
        VARIABLES.keySet().forEach(n -> namespaces.add(n.substring(0, n.indexOf('.'))));
        return namespaces;
    }

    /** The CEL activation for one case: reads a fact when a condition asks for it; absent facts have no value. */
    public static CelVariableResolver resolver(StrategyFacts facts) {
        return name -> {
            Variable v = VARIABLES.get(name);
            return v == null ? Optional.empty() : Optional.ofNullable(v.read().apply(facts));
        };
    }

    /** The value of one variable for a case as CEL sees it (Long, Double, String, Boolean, List); null if absent. */
    public static Object value(String name, StrategyFacts facts) {
        Variable v = VARIABLES.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown fact " + name);
        }
        return v.read().apply(facts);
    }

    private static List<String> tagList(Set<SegmentTag> tags) {
        return TAG_LISTS.computeIfAbsent(tags, t -> {
            List<String> names = new ArrayList<>();
            (t.isEmpty() ? EnumSet.noneOf(SegmentTag.class) : EnumSet.copyOf(t)).forEach(tag -> names.add(tag.name()));
            return Collections.unmodifiableList(names);
        });
    }

    private static void define(String name, CelType type, String description, Function<StrategyFacts, Object> read) {
        if (VARIABLES.put(name, new Variable(name, type, description, read)) != null) {
            throw new IllegalStateException("duplicate fact " + name);
        }
    }

    private static void str(String name, String description, Function<StrategyFacts, String> read) {
        define(name, SimpleType.STRING, description, read::apply);
    }

    private static void bool(String name, String description, Function<StrategyFacts, Boolean> read) {
        define(name, SimpleType.BOOL, description, read::apply);
    }

    private static void dbl(String name, String description, Function<StrategyFacts, Double> read) {
        define(name, SimpleType.DOUBLE, description, read::apply);
    }

    /** CEL ints are Java Longs: an Integer would fail with "no matching overload". */
    private static void integer(String name, String description, Function<StrategyFacts, Number> read) {
        define(name, SimpleType.INT, description, f -> {
            Number n = read.apply(f);
            return n == null ? null : Long.valueOf(n.longValue());
        });
    }
}
