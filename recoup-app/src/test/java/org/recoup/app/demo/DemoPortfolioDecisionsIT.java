package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.recoup.app.IntegrationTest;
import org.recoup.app.compliance.ContactGate;
import org.recoup.app.dailyrun.DailyRuns;
import org.recoup.app.dailyrun.RunProgress;
import org.recoup.app.dailyrun.RunStatus;
import org.recoup.app.dailyrun.RunView;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.ReasonCode;
import org.recoup.engine.compliance.Verdict;
import org.recoup.engine.strategy.DefaultStrategies;
import org.recoup.engine.strategy.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The shipped strategy on the demo portfolio, end to end: 1,500 demo accounts (seed 20261124, generated as of
 * 2035-01-10) are imported and the real daily run decides on three business dates — a payday (the 10th), a normal day
 * (the 11th) and a month end (the 31st) — and everything is asserted from what the run stored: {@code run_decision}
 * (the rule that fired, the "always" rules among the treatments), {@code account_state} and {@code run_action}. Every
 * planned contact is then checked again, as {@code POST /api/v1/compliance/check} would, at its planned instant.
 * See docs/demo.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPortfolioDecisionsIT extends IntegrationTest {

    /** The demo loader IT's date, so both load identical rows for the accounts they share. */
    static final LocalDate GENERATED = LocalDate.parse("2035-01-10");
    static final LocalDate PAYDAY = GENERATED;
    static final LocalDate NORMAL_DAY = LocalDate.parse("2035-01-11");
    static final LocalDate MONTH_END = LocalDate.parse("2035-01-31");
    static final List<LocalDate> DATES = List.of(PAYDAY, NORMAL_DAY, MONTH_END);
    static final int ACCOUNTS = 1_500;
    static final String FIRST = PortfolioGenerator.accountId(1);
    static final String LAST = PortfolioGenerator.accountId(ACCOUNTS);
    static final Set<String> CONTACT_ACTIONS = Set.of("CALL", "SMS", "EMAIL", "LETTER", "VISIT_REVIEW");

    @Autowired
    ImportService imports;
    @Autowired
    DailyRuns runs;
    @Autowired
    ContactGate gate;
    @Value("${recoup.demo.seed:20261124}")
    long seed;

    /** One stored decision of a demo account. */
    record Decision(String accountId, String caseId, String stage, int dpd, String strategyId, int strategyVersion,
                    String arm, String firedRule, List<String[]> treatments) {

        /** The rules whose treatment the account got: the first match and the "always" rules that matched. */
        Set<String> rules() {
            Set<String> rules = new LinkedHashSet<>();
            if (firedRule != null) {
                rules.add(firedRule);
            }
            treatments.forEach(t -> rules.add(t[5]));
            return rules;
        }

        boolean acts() {
            return treatments.stream().anyMatch(t -> !t[0].equals("NO_ACTION"));
        }
    }

    /** One stored case action of a demo case. */
    record Action(String caseId, String action, String partyId, String channel, String contactPointId, String template,
                  String ruleId, List<String> accounts, OffsetDateTime plannedAt, String status, String reasons) {
    }

    private final Map<LocalDate, List<Decision>> decisions = new TreeMap<>();
    private final Map<LocalDate, List<Action>> actions = new TreeMap<>();
    /** Per date, the contact actions the run planned or deferred, and what a fresh check answers for each. */
    private final Map<LocalDate, Map<Action, Verdict>> rechecks = new TreeMap<>();
    private List<String> ruleIds;

    @BeforeAll
    void importTheDemoPortfolioAndRunThreeBusinessDates(@TempDir Path dir) throws Exception {
        new PortfolioGenerator(seed, ACCOUNTS, GENERATED).write(dir);
        ImportResult imported = imports.importFiles(ImportSource.directory(dir), ImportMode.ALL_OR_NOTHING,
                ImportProgress.NONE, "it");
        assertThat(imported.applied()).as("%s", imported.errors()).isTrue();

        for (LocalDate date : DATES) {
            RunView run = runs.runAndWait(date, "it", RunProgress.NONE);
            assertThat(run.status()).as("run of %s: %s", date, run.error()).isEqualTo(RunStatus.SUCCEEDED);
            decisions.put(date, decisions(date));
            actions.put(date, actions(date));
            rechecks.put(date, recheck(actions.get(date)));
        }

        // the strategy in force, as stored: its rule ids come from its document, not from a list in this test
        Decision any = decisions.get(PAYDAY).getFirst();
        String yaml = api().get("/api/v1/strategies/" + any.strategyId() + "/versions/" + any.strategyVersion(),
                Map.of("Accept", "text/yaml")).body();
        var validated = api().postBody("/api/v1/strategies/validate", "text/yaml", yaml);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        ruleIds = new ArrayList<>();
        validated.json().get("ruleIds").forEach(n -> ruleIds.add(n.asString()));
    }

    private List<Decision> decisions(LocalDate date) {
        return jdbc.sql("""
                        SELECT d.account_id, d.case_id, s.stage, s.dpd, d.strategy_id, d.strategy_version, d.arm,
                               d.fired_rule, d.treatments
                        FROM run_decision d JOIN account_state s ON s.as_of = d.as_of AND s.account_id = d.account_id
                        WHERE d.as_of = ? AND d.account_id BETWEEN ? AND ? ORDER BY d.account_id""")
                .params(date, FIRST, LAST)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                        rs.getString(9).isEmpty() ? List.of() : rs.getString(9).lines()
                                .map(l -> l.split("\\|", -1)).toList()))
                .list();
    }

    private List<Action> actions(LocalDate date) {
        return jdbc.sql("""
                        SELECT case_id, action, party_id, channel, contact_point_id, template, rule_id, accounts,
                               planned_at, status, reasons
                        FROM run_action WHERE as_of = ? AND case_id IN (
                            SELECT case_id FROM run_decision WHERE as_of = ? AND account_id BETWEEN ? AND ?)
                        ORDER BY case_id, action""")
                .params(date, date, FIRST, LAST)
                .query((rs, n) -> new Action(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Arrays.asList(rs.getString(8).split(",")),
                        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11)))
                .list();
    }

    /**
     * The same contact as the run screened, checked afresh at its planned instant: a promise reminder with purpose
     * PTP_REMINDER, a visit with the two staff it needs (CN's minimum; staff are assigned when the visit review
     * schedules it, docs/daily-run.md step 5).
     */
    private static ContactRequest request(Action a) {
        Channel channel = Channel.valueOf(a.channel());
        return new ContactRequest(a.accounts().getFirst(), a.partyId(), a.contactPointId(), channel,
                a.plannedAt().toInstant(), null, channel == Channel.VISIT ? List.of("staff-1", "staff-2") : List.of(),
                "ptp-reminder".equals(a.template()) ? Purpose.PTP_REMINDER : Purpose.COLLECTION);
    }

    private Map<Action, Verdict> recheck(List<Action> all) {
        List<Action> contacts = all.stream().filter(a -> CONTACT_ACTIONS.contains(a.action()))
                .filter(a -> a.status().equals("PLANNED") || a.status().equals("DEFERRED")).toList();
        List<Verdict> verdicts = gate.check(contacts.stream().map(DemoPortfolioDecisionsIT::request).toList(), "IT recheck");
        Map<Action, Verdict> out = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            out.put(contacts.get(i), verdicts.get(i));
        }
        return out;
    }

    private Map<String, Long> firings(LocalDate date) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ruleIds.forEach(id -> counts.put(id, 0L));
        decisions.get(date).forEach(d -> d.rules().forEach(r -> counts.merge(r, 1L, Long::sum)));
        return counts;
    }

    @Test
    void theRunsDecideEveryDemoAccountWithTheShippedStrategy() {
        assertThat(ruleIds).as("the stored strategy in force is the shipped one")
                .containsExactlyElementsOf(DefaultStrategies.consumerDefault().rules().stream().map(Rule::id).toList());
        DATES.forEach(date -> {
            assertThat(decisions.get(date)).as("decisions on %s", date).hasSize(ACCOUNTS);
            assertThat(decisions.get(date)).allSatisfy(d -> {
                assertThat(d.strategyId()).isEqualTo("consumer-default");
                assertThat(d.strategyVersion()).isPositive();
            });
        });
    }

    @Test
    void everyRuleOfTheShippedStrategyFiresForSomeDemoAccountOnSomeDate() {
        Map<String, Long> total = new LinkedHashMap<>();
        ruleIds.forEach(id -> total.put(id, 0L));
        DATES.forEach(date -> {
            Map<String, Long> counts = firings(date);
            System.out.println("rules matched on " + date + " by " + ACCOUNTS + " demo accounts: " + counts);
            counts.forEach((rule, n) -> total.merge(rule, n, Long::sum));
        });
        assertThat(total.keySet()).as("no rule outside the strategy").containsExactlyElementsOf(ruleIds);
        total.forEach((rule, n) -> assertThat(n).as("accounts for which rule %s fired", rule).isPositive());
    }

    @Test
    void theCalendarRulesFireOnTheirDaysOnly() {
        assertThat(firings(PAYDAY).get("payday-follow-up")).as("payday-follow-up on the 10th").isPositive();
        assertThat(firings(NORMAL_DAY).get("payday-follow-up")).as("payday-follow-up on the 11th").isZero();
        assertThat(firings(MONTH_END).get("payday-follow-up")).as("payday-follow-up on the 31st").isZero();
        assertThat(firings(MONTH_END).get("b2b-month-end")).as("b2b-month-end on the 31st").isPositive();
        assertThat(firings(PAYDAY).get("b2b-month-end")).as("b2b-month-end on the 10th").isZero();
        assertThat(firings(NORMAL_DAY).get("b2b-month-end")).as("b2b-month-end on the 11th").isZero();
        // on a payday the stage rules still fire: payday-follow-up is an "always" rule
        assertThat(firings(PAYDAY).get("early-reminder")).isPositive();
        assertThat(firings(PAYDAY).get("mid-stage-letter")).isPositive();
        assertThat(decisions.get(PAYDAY)).filteredOn(d -> d.rules().contains("payday-follow-up"))
                .allSatisfy(d -> assertThat(d.firedRule()).isNotEqualTo("payday-follow-up"));
    }

    @Test
    void everyStageHasAccountsWithActions() {
        Map<String, Long> acting = decisions.get(PAYDAY).stream().filter(Decision::acts)
                .collect(Collectors.groupingBy(Decision::stage, TreeMap::new, Collectors.counting()));
        System.out.println("accounts with actions on " + PAYDAY + " by stage: " + acting);
        assertThat(acting.keySet()).containsAll(List.of("PRE_DUE", "CURRENT", "EARLY", "MID", "LATE", "LEGAL"));
        Set<String> casesWithWork = actions.get(PAYDAY).stream().map(Action::caseId).collect(Collectors.toSet());
        for (String stage : List.of("PRE_DUE", "CURRENT", "EARLY", "MID", "LATE", "LEGAL")) {
            assertThat(decisions.get(PAYDAY)).as("accounts in %s whose case has an action", stage)
                    .anyMatch(d -> d.stage().equals(stage) && d.acts() && casesWithWork.contains(d.caseId()));
        }
    }

    /** Issue 5's situations: each rule's action is in the case plan, and not dropped, for some demo case. */
    @Test
    void everySituationOfTheStrategyTreeHasItsActionPlanned() {
        Map<String, String> situations = new LinkedHashMap<>();
        situations.put("estate-or-bankruptcy", "LEGAL_REVIEW");
        situations.put("lost-contact-skip-trace", "SKIP_TRACE");
        situations.put("lost-contact-letter", "LETTER");
        situations.put("lost-contact-visit", "VISIT_REVIEW");
        situations.put("broken-promise", "CALL");
        situations.put("kept-promise", "SMS");
        situations.put("willing-unable-restructure", "RESTRUCTURE_OFFER");
        situations.put("unwilling-find-reason", "CALL");
        situations.put("ptp-reminder", "SMS");
        situations.put("dispute-or-complaint", "ESCALATE");
        Map<String, Map<String, Long>> byStatus = new TreeMap<>();
        actions.get(PAYDAY).forEach(a -> byStatus.computeIfAbsent(a.ruleId(), k -> new TreeMap<>())
                .merge(a.action() + " " + a.status(), 1L, Long::sum));
        System.out.println("case actions on " + PAYDAY + " by rule: " + byStatus);
        System.out.println("reasons of actions not planned on " + PAYDAY + ": " + actions.get(PAYDAY).stream()
                .filter(a -> !a.status().equals("PLANNED"))
                .collect(Collectors.groupingBy(a -> a.ruleId() + " " + a.status() + " "
                        + a.reasons().replaceAll(":[^;]*", ""), TreeMap::new, Collectors.counting())));
        situations.forEach((rule, action) -> assertThat(actions.get(PAYDAY))
                .as("a %s action of rule %s, planned or deferred", action, rule)
                .anyMatch(a -> a.ruleId().equals(rule) && a.action().equals(action) && !a.status().equals("DROPPED")));
        assertThat(actions.get(PAYDAY)).filteredOn(a -> a.ruleId().equals("unwilling-find-reason"))
                .anyMatch(a -> "senior".equals(jdbc.sql("SELECT tier FROM run_action WHERE as_of = ? AND case_id = ? "
                        + "AND action = ?").params(PAYDAY, a.caseId(), a.action()).query(String.class).single()));
    }

    @Test
    void noContactTheRunPlannedIsBlockedByAFreshCheckAtItsPlannedInstant() {
        DATES.forEach(date -> {
            Map<Action, Verdict> checked = rechecks.get(date);
            System.out.println("contacts planned or deferred on " + date + ": " + checked.size() + " ("
                    + checked.keySet().stream().collect(Collectors.groupingBy(a -> a.action() + " " + a.status(),
                    TreeMap::new, Collectors.counting())) + ")");
            assertThat(checked).as("contacts planned on %s", date).isNotEmpty();
            List<String> blocked = checked.entrySet().stream().filter(e -> !e.getValue().allowed())
                    .map(e -> e.getKey().caseId() + " " + e.getKey().action() + " " + e.getKey().status() + " at "
                            + e.getKey().plannedAt() + " (" + e.getKey().reasons() + "): " + e.getValue().reasons())
                    .toList();
            assertThat(blocked).as("planned contacts a re-check blocks on %s", date).isEmpty();
            // a visit as screened names no staff yet: the staff minimum is then its only reason
            List<ContactRequest> unstaffed = checked.keySet().stream().filter(a -> a.channel().equals("VISIT"))
                    .map(DemoPortfolioDecisionsIT::request)
                    .map(r -> new ContactRequest(r.accountId(), r.partyId(), r.contactPointId(), r.channel(), r.at(),
                            null, List.of(), r.purpose())).toList();
            assertThat(gate.check(unstaffed, "IT recheck")).allSatisfy(v -> assertThat(v.reasons())
                    .extracting(Verdict.Reason::code).containsOnly(ReasonCode.VISIT_STAFF_MINIMUM));
        });
    }

    @Test
    void theComplianceCheckApiAgreesForASampleOfPlannedContacts() {
        List<Action> sample = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Action a : rechecks.get(PAYDAY).keySet()) {
            if (seen.add(a.action() + " " + a.status())) {
                sample.add(a);
            }
        }
        assertThat(sample).hasSizeGreaterThanOrEqualTo(4);
        for (Action a : sample) {
            ContactRequest r = request(a);
            var checked = api().post("/api/v1/compliance/check", """
                    {"accountId": "%s", "partyId": "%s", "contactPointId": "%s", "channel": "%s", "at": "%s",
                     "purpose": "%s", "staff": [%s]}""".formatted(r.accountId(), r.partyId(), r.contactPointId(),
                    r.channel(), a.plannedAt(), r.purpose(),
                    String.join(", ", r.staff().stream().map(x -> "\"" + x + "\"").toList())));
            assertThat(checked.status()).as(checked.body()).isEqualTo(200);
            assertThat(checked.json().get("verdict").asString()).as("%s: %s", a, checked.body()).isEqualTo("ALLOW");
        }
    }

    @Test
    void theStateOfADemoAccountNamesTheRuleThatFiredAndItsPlannedActions() {
        for (String rule : List.of("estate-or-bankruptcy", "lost-contact-visit", "broken-promise")) {
            Decision d = decisions.get(PAYDAY).stream().filter(x -> rule.equals(x.firedRule())).findFirst().orElseThrow();
            JsonNode state = api().get("/api/v1/accounts/" + d.accountId() + "/state?asOf=" + PAYDAY).json();
            assertThat(state.get("decisionSource").asString()).isEqualTo("DAILY_RUN");
            assertThat(state.get("segment").get("grade").asString()).isIn("A", "B", "C");
            assertThat(state.get("strategy").get("id").asString()).isEqualTo("consumer-default");
            assertThat(state.get("strategy").get("version").asInt()).isEqualTo(d.strategyVersion());
            JsonNode arm = state.get("strategy").get("arm");
            assertThat(arm == null || arm.isNull() ? null : arm.asString()).as("the arm (none outside experiments)")
                    .isEqualTo(d.arm());
            assertThat(state.get("strategy").get("firedRule").asString()).isEqualTo(rule);
            assertThat(state.get("explanation").toString()).contains("rule " + rule + ": matched — fired");
            assertThat(state.get("nextActions").size()).isPositive();
        }
    }
}
