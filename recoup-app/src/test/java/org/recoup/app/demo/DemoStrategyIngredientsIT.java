package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.IntegrationTest;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.promise.Promises;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The demo portfolio, imported, has the ingredients of every rule of the shipped consumer strategy
 * (consumer-default.yaml). The facts of a strategy decision are gathered by the daily run (built separately), so this
 * test gathers the same ingredients itself — delinquency state by the engine, promise history by {@link Promises},
 * dispositions and failed attempts from the contact history, party flags — approximates the segment as the default
 * segmentation policy would (refusal or broken promise → unwilling; hardship, death, bankruptcy → unable), and walks
 * the rules in order, first match wins, with a business date that is neither a payday nor a month end; the two
 * calendar rules are checked for their ingredients separately. Every other rule must be the first match of at least
 * one demo account. See docs/demo.md for which ingredient serves which rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStrategyIngredientsIT extends IntegrationTest {

    /** The demo loader IT's date, so both load identical rows for the accounts they share. */
    static final LocalDate AS_OF = LocalDate.parse("2035-01-10");
    static final int ACCOUNTS = 1_500;

    @Autowired
    ImportService imports;
    @Autowired
    PortfolioReader reader;
    @Autowired
    DelinquencyPolicies policies;
    @Autowired
    Promises promises;
    @Value("${recoup.demo.seed:20261124}")
    long seed;

    /** What a rule reads, as far as the demo data decides it. */
    record Facts(String id, String product, DelinquencyState state, boolean deceased, boolean bankrupt, boolean heir,
                 int refusals30, int disputes90, int claimsPaid90, boolean hardship, boolean lostContact,
                 int rightParty90, PtpHistory ptp) {

        int dpd() {
            return state.dpd();
        }

        boolean b2b() {
            return product.equals("B2B_RECEIVABLE");
        }

        boolean unwilling() {
            return refusals30 > 0 || ptp.broken() >= 2 || ptp.lastStatus() == PtpStatus.BROKEN
                    || (lostContact && rightParty90 == 0);
        }

        boolean unable() {
            return deceased || bankrupt || hardship;
        }
    }

    private final Map<String, Facts> facts = new TreeMap<>();

    @BeforeAll
    void importTheDemoPortfolio(@TempDir Path dir) throws Exception {
        new PortfolioGenerator(seed, ACCOUNTS, AS_OF).write(dir);
        assertThat(Files.size(dir.resolve("promises.csv"))).isPositive();
        ImportResult result = imports.importFiles(ImportSource.directory(dir), ImportMode.ALL_OR_NOTHING,
                ImportProgress.NONE, "it");
        assertThat(result.applied()).as("%s", result.errors()).isTrue();

        String last = PortfolioGenerator.accountId(ACCOUNTS);
        List<String> ids = new ArrayList<>();
        Map<String, DelinquencyState> states = new HashMap<>();
        DelinquencyCalculator calculator = new DelinquencyCalculator(policies.current());
        reader.forEach(new IdRange("L-000001", last + "~", false), snapshot -> {
            if (snapshot.account().id().compareTo(last) <= 0) {
                ids.add(snapshot.account().id());
                states.put(snapshot.account().id(), calculator.assess(snapshot.account(), snapshot.installments(),
                        snapshot.payments(), AS_OF));
            }
        });
        assertThat(ids).hasSize(ACCOUNTS);
        Map<String, PtpHistory> ptp = promises.histories(ids, AS_OF);

        var start90 = AS_OF.minusDays(90).atStartOfDay(ZoneOffset.ofHours(14)).toOffsetDateTime();
        var start30 = AS_OF.minusDays(30).atStartOfDay(ZoneOffset.ofHours(14)).toOffsetDateTime();
        Map<String, Map<String, Integer>> dispositions = new HashMap<>();
        Map<String, Integer> refusals = new HashMap<>();
        Map<String, Integer> rightParty = new HashMap<>();
        Map<String, Integer> streak = new HashMap<>();
        jdbc.sql("""
                        SELECT account_id, outcome, disposition, attempted_at FROM contact_attempt
                        WHERE account_id BETWEEN 'L-000001' AND ? AND attempted_at >= ?
                        ORDER BY account_id, attempted_at, contact_id""")
                .params(last, start90)
                .query(rs -> {
                    String id = rs.getString(1);
                    String outcome = rs.getString(2);
                    String disposition = rs.getString(3);
                    if (disposition != null) {
                        dispositions.computeIfAbsent(id, k -> new HashMap<>()).merge(disposition, 1, Integer::sum);
                        if (disposition.equals("REFUSED_TO_PAY")
                                && rs.getObject(4, java.time.OffsetDateTime.class).isAfter(start30)) {
                            refusals.merge(id, 1, Integer::sum);
                        }
                    }
                    if (outcome.equals("RIGHT_PARTY")) {
                        rightParty.merge(id, 1, Integer::sum);
                        streak.put(id, 0);
                    } else if (Set.of("NO_ANSWER", "NOT_CONNECTED", "WRONG_NUMBER", "BUSY", "VOICEMAIL").contains(outcome)) {
                        streak.merge(id, 1, Integer::sum);
                    }
                });
        Set<String> withPhone = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT ap.account_id FROM account_party ap
                        JOIN contact_point cp ON cp.party_id = ap.party_id
                        WHERE ap.role = 'BORROWER' AND cp.type IN ('MOBILE', 'HOME_PHONE', 'WORK_PHONE') AND cp.valid
                          AND ap.account_id BETWEEN 'L-000001' AND ?""").param(last).query(String.class).list());
        Map<String, boolean[]> borrower = new HashMap<>();
        jdbc.sql("""
                        SELECT ap.account_id, p.deceased, p.bankrupt FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                        WHERE ap.role = 'BORROWER' AND ap.account_id BETWEEN 'L-000001' AND ?""")
                .param(last).query(rs -> {
                    borrower.put(rs.getString(1), new boolean[] {rs.getBoolean(2), rs.getBoolean(3)});
                });
        Set<String> heirs = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT account_id FROM account_party WHERE role = 'HEIR' AND account_id BETWEEN 'L-000001' AND ?""")
                .param(last).query(String.class).list());
        Map<String, String> products = new HashMap<>();
        jdbc.sql("SELECT account_id, product FROM account WHERE account_id BETWEEN 'L-000001' AND ?").param(last)
                .query(rs -> {
                    products.put(rs.getString(1), rs.getString(2));
                });
        for (String id : ids) {
            Map<String, Integer> d = dispositions.getOrDefault(id, Map.of());
            facts.put(id, new Facts(id, products.get(id), states.get(id), borrower.get(id)[0], borrower.get(id)[1],
                    heirs.contains(id), refusals.getOrDefault(id, 0), d.getOrDefault("DISPUTE", 0),
                    d.getOrDefault("CLAIMS_PAID", 0), d.containsKey("HARDSHIP"),
                    !withPhone.contains(id) || streak.getOrDefault(id, 0) >= 5, rightParty.getOrDefault(id, 0),
                    ptp.getOrDefault(id, PtpHistory.NONE)));
        }
    }

    /** The rules of consumer-default.yaml over the facts above, in order (calendar: neither payday nor month end). */
    static Map<String, Predicate<Facts>> rules() {
        Map<String, Predicate<Facts>> r = new LinkedHashMap<>();
        r.put("estate-or-bankruptcy", f -> f.deceased() || f.bankrupt());
        r.put("dispute-or-complaint", f -> f.disputes90() > 0 || f.claimsPaid90() > 0);
        r.put("b2b-limitation-risk", f -> f.b2b() && !Set.of("CURRENT", "Y0_1").contains(f.state().agingBucket().name()));
        r.put("b2b-doubtful", f -> f.b2b() && Set.of("DOUBTFUL", "BAD", "DEAD").contains(f.state().riskClass().name()));
        r.put("b2b-month-end", f -> false);
        r.put("b2b-overdue", f -> f.b2b() && f.dpd() > 0);
        r.put("property-fee-notice", f -> f.product().equals("PROPERTY_FEE") && f.dpd() > 0);
        r.put("legal-action", f -> f.dpd() >= 150);
        r.put("broken-promise", f -> f.ptp().lastStatus() == PtpStatus.BROKEN && f.dpd() > 0 && f.dpd() < 90);
        r.put("kept-promise", f -> f.ptp().lastStatus() == PtpStatus.KEPT && f.ptp().daysSinceResolved() <= 1);
        r.put("promise-open", f -> f.ptp().lastStatus() == PtpStatus.PENDING);
        r.put("lawyer-letter", f -> f.dpd() >= 90);
        r.put("lost-contact-skip-trace", f -> f.lostContact() && f.dpd() < 10);
        r.put("lost-contact-letter", f -> f.lostContact() && f.dpd() < 20);
        r.put("lost-contact-visit", f -> f.lostContact() && f.dpd() >= 20);
        r.put("pre-due-reminder", f -> f.state().stage().equals("PRE_DUE"));
        r.put("first-week-daily-call", f -> f.dpd() >= 1 && f.dpd() <= 7);
        r.put("payday-follow-up", f -> false);
        r.put("willing-unable-restructure", f -> !f.unwilling() && f.unable() && f.dpd() > 0);
        r.put("unwilling-find-reason", f -> f.unwilling() && f.dpd() > 0);
        r.put("mid-stage-agency", f -> f.state().stage().equals("MID") && f.dpd() >= 60);
        r.put("mid-stage-letter", f -> f.state().stage().equals("MID"));
        r.put("early-reminder", f -> f.state().stage().equals("EARLY"));
        return r;
    }

    @Test
    void everyNonCalendarRuleIsTheFirstMatchOfSomeDemoAccount() {
        Map<String, Predicate<Facts>> rules = rules();
        assertThat(rules.keySet()).as("the rules of the shipped strategy, in order").containsExactlyElementsOf(
                DefaultStrategies.consumerDefault().rules().stream().filter(r -> !r.always()).map(Rule::id).toList());
        Map<String, Integer> fired = new LinkedHashMap<>();
        rules.keySet().forEach(id -> fired.put(id, 0));
        for (Facts f : facts.values()) {
            rules.entrySet().stream().filter(e -> e.getValue().test(f)).findFirst()
                    .ifPresent(e -> fired.merge(e.getKey(), 1, Integer::sum));
        }
        System.out.println("first matches on " + AS_OF + " of " + ACCOUNTS + " demo accounts: " + fired);
        fired.forEach((rule, count) -> {
            if (!rule.equals("payday-follow-up") && !rule.equals("b2b-month-end")) {
                assertThat(count).as("demo accounts whose first matching rule is " + rule).isPositive();
            }
        });
    }

    @Test
    void promisesOfEveryKindAreThereIncludingOneDueInTwoDays() {
        long dueInTwoDays = facts.values().stream()
                .filter(f -> f.ptp().lastStatus() == PtpStatus.PENDING && f.ptp().daysToDue() == 2).count();
        assertThat(dueInTwoDays).as("ptp-reminder: pending promises due in 2 days").isPositive();
        List<String> statuses = jdbc.sql("""
                        SELECT DISTINCT status FROM promise WHERE account_id BETWEEN 'L-000001' AND ?""")
                .param(PortfolioGenerator.accountId(ACCOUNTS)).query(String.class).list();
        assertThat(statuses).as("imported promises start PENDING until resolved").containsOnly("PENDING");
        promises.resolve(AS_OF);
        assertThat(jdbc.sql("""
                        SELECT DISTINCT status FROM promise WHERE account_id BETWEEN 'L-000001' AND ?""")
                .param(PortfolioGenerator.accountId(ACCOUNTS)).query(String.class).list())
                .containsExactlyInAnyOrder("PENDING", "KEPT", "BROKEN", "PARTIALLY_KEPT");
    }

    @Test
    void theCalendarRulesHaveTheirAccountsOnTheirDays() {
        assertThat(facts.values().stream().filter(f -> f.b2b() && f.dpd() > 0 && f.dpd() <= 180).count())
                .as("b2b-month-end: overdue receivables not yet doubtful (fires in the last 3 days of a month)").isPositive();
        assertThat(facts.values().stream().filter(f -> !f.b2b() && f.dpd() > 7 && f.dpd() < 90 && !f.lostContact()
                        && f.ptp().lastStatus() == PtpStatus.NONE && !f.deceased() && !f.bankrupt()).count())
                .as("payday-follow-up: delinquent accounts past the first week (fires on the 5th, 10th, 15th, 28th, 30th)")
                .isPositive();
        assertThat(facts.values().stream().filter(f -> f.deceased() && f.heir()).count())
                .as("deceased borrowers with heirs").isPositive();
    }
}
