package org.recoup.app.dailyrun;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.strategy.StrategySet;
import org.recoup.app.strategy.Strategies;
import org.recoup.engine.segmentation.PtpHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The run's decisions and actions as readers see them: one account's decision of a date (stored by that date's run,
 * or decided now from the debt file when the date has none), the actions export of a date, an account's history of
 * bucket and segment moves.
 */
@Service
public class AccountDecisions {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PortfolioReader portfolio;
    private final DelinquencyPolicies policies;
    private final Strategies strategies;
    private final PromiseFacts promises;
    private final HoldFacts holds;

    AccountDecisions(JdbcClient jdbc, DataSource dataSource, PortfolioReader portfolio, DelinquencyPolicies policies,
                     Strategies strategies, PromiseFacts promises, HoldFacts holds) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.portfolio = portfolio;
        this.policies = policies;
        this.strategies = strategies;
        this.promises = promises;
        this.holds = holds;
    }

    /** A decision as shown: segment, strategy, treatments (with their planned action when a run planned one). */
    record Shown(String caseId, String willingness, String ability, String grade, String quadrant, List<String> tags,
                 String strategyId, int strategyVersion, String arm, String firedRule, List<Next> next,
                 List<String> explanation, boolean stored) {
    }

    /** One next action of the account. status: PLANNED/DEFERRED/DROPPED after the gate, PROPOSED when not screened. */
    record Next(String type, String channel, Object due, String reason, int priority, String script, String template,
                String tier, String status, String statusReasons) {
    }

    /** The stored decision of {@code asOf}'s run, else one decided now; empty for an unknown account. */
    Optional<Shown> decisionOf(String accountId, LocalDate asOf, boolean fresh) {
        if (!fresh) {
            Optional<Shown> stored = stored(accountId, asOf);
            if (stored.isPresent()) {
                return stored;
            }
        }
        return decideNow(accountId, asOf, strategies.current()).map(d -> shown(d, asOf));
    }

    /** Decides one account now from the debt file with {@code set}, as a run of {@code asOf} would. */
    Optional<AccountDecision> decideNow(String accountId, LocalDate asOf, StrategySet set) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (RunInputs inputs = RunInputs.open(portfolio, c, IdRange.of(accountId), null, asOf)) {
                AccountInput input = inputs.next();
                if (input == null) {
                    return Optional.empty();
                }
                Map<String, PtpHistory> ptp = promises.histories(List.of(input.snapshot()), asOf);
                return Optional.of(AccountDecider.decide(input, asOf, policies.current(), set, ptp.get(accountId),
                        holds.of(List.of(input), asOf).get(accountId)));
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deciding account " + accountId + " failed", e);
        }
    }

    private Shown shown(AccountDecision d, LocalDate asOf) {
        List<Next> next = new ArrayList<>();
        for (AccountDecision.RuledTreatment rt : d.ruledTreatments()) {
            var t = rt.treatment();
            var channel = CasePlanner.channel(t.action());
            next.add(new Next(t.action().name(), channel == null ? null : channel.name(), asOf, reason(rt.ruleId()),
                    t.priority(), t.script(), t.template(), t.tier(), "PROPOSED", ""));
        }
        var s = d.segment();
        return new Shown(d.caseId(), s.willingness().name(), s.ability().name(), s.grade().name(), s.quadrant().name(),
                s.tags().stream().map(Enum::name).toList(), d.decision().strategyId(), d.decision().version(),
                d.decision().arm(), d.decision().firedRuleId(), next, d.explanation(), false);
    }

    private static String reason(String ruleId) {
        return ruleId == null ? "no rule" : "rule " + ruleId;
    }

    private Optional<Shown> stored(String accountId, LocalDate asOf) {
        return jdbc.sql("SELECT case_id, willingness, ability, grade, quadrant, tags, strategy_id, strategy_version, arm, "
                        + "fired_rule, treatments, explanation FROM run_decision WHERE as_of = ? AND account_id = ?")
                .params(asOf, accountId)
                .query((rs, i) -> {
                    String caseId = rs.getString(1);
                    String tags = rs.getString(6);
                    List<Next> next = new ArrayList<>();
                    String treatments = rs.getString(11);
                    List<AccountDecision.RuledTreatment> list = treatments == null || treatments.isEmpty() ? List.of()
                            : Arrays.stream(treatments.split("\n")).map(AccountDecision.RuledTreatment::parse).toList();
                    String explanation = rs.getString(12);
                    Shown shown = new Shown(caseId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")), rs.getString(7),
                            rs.getInt(8), rs.getString(9), rs.getString(10), next,
                            explanation == null || explanation.isEmpty() ? List.of() : List.of(explanation.split("\n")),
                            true);
                    for (AccountDecision.RuledTreatment rt : list) {
                        var t = rt.treatment();
                        var channel = CasePlanner.channel(t.action());
                        next.add(new Next(t.action().name(), channel == null ? null : channel.name(), asOf,
                                reason(rt.ruleId()), t.priority(), t.script(), t.template(), t.tier(), "PROPOSED", ""));
                    }
                    return shown;
                })
                .optional()
                .map(shown -> withPlannedActions(shown, accountId, asOf));
    }

    /** Replaces each treatment's due/status by the case action the run planned for it (the gate's verdict). */
    private Shown withPlannedActions(Shown shown, String accountId, LocalDate asOf) {
        List<Object[]> actions = jdbc.sql("SELECT action, planned_at, status, reasons, accounts FROM run_action "
                        + "WHERE as_of = ? AND case_id = ?")
                .params(asOf, shown.caseId())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4),
                    rs.getString(5)})
                .list();
        List<Next> next = new ArrayList<>(shown.next().size());
        for (Next n : shown.next()) {
            Next updated = n;
            for (Object[] a : actions) {
                if (n.type().equals(a[0]) && List.of(((String) a[4]).split(",")).contains(accountId)) {
                    Timestamp at = (Timestamp) a[1];
                    updated = new Next(n.type(), n.channel(), at == null ? n.due() : at.toInstant(), n.reason(),
                            n.priority(), n.script(), n.template(), n.tier(), (String) a[2], (String) a[3]);
                }
            }
            next.add(updated);
        }
        return new Shown(shown.caseId(), shown.willingness(), shown.ability(), shown.grade(), shown.quadrant(),
                shown.tags(), shown.strategyId(), shown.strategyVersion(), shown.arm(), shown.firedRule(), next,
                shown.explanation(), true);
    }

    static final String ACTIONS_HEADER = "as_of,case_id,action,kind,status,channel,party_id,contact_point_id,priority,"
            + "script,template,tier,rule_id,accounts,planned_at,reasons\n";

    /** Writes every action planned for {@code asOf} as CSV, ordered by case id and action: byte-identical on reruns. */
    public long exportActionsCsv(LocalDate asOf, Writer out) throws IOException {
        out.write(ACTIONS_HEADER);
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT as_of, case_id, action, kind, status, channel, "
                    + "party_id, contact_point_id, priority, script, template, tier, rule_id, accounts, planned_at, reasons "
                    + "FROM run_action WHERE as_of = ? ORDER BY case_id, action")) {
                ps.setFetchSize(5_000);
                ps.setObject(1, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    StringBuilder line = new StringBuilder(256);
                    while (rs.next()) {
                        line.setLength(0);
                        for (int i = 1; i <= 16; i++) {
                            if (i > 1) {
                                line.append(',');
                            }
                            Object v;
                            if (i == 1) {
                                v = rs.getDate(1).toLocalDate();
                            } else if (i == 15) {
                                Timestamp t = rs.getTimestamp(15);
                                v = t == null ? null : t.toInstant();
                            } else {
                                v = rs.getString(i);
                            }
                            line.append(csv(v));
                        }
                        line.append('\n');
                        out.write(line.toString());
                        rows++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exporting actions of " + asOf + " failed", e);
        }
        out.flush();
        return rows;
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Instant i ? i.toString() : value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public long countActions(LocalDate asOf) {
        return jdbc.sql("SELECT COUNT(*) FROM run_action WHERE as_of = ?").param(asOf).query(Long.class).single();
    }

    /** One move of an account between buckets or segments. */
    record Move(LocalDate asOf, String dimension, LocalDate fromAsOf, String from, String to) {
    }

    List<Move> history(String accountId) {
        return jdbc.sql("SELECT as_of, dimension, from_as_of, from_value, to_value FROM state_move WHERE account_id = ? "
                        + "ORDER BY as_of, dimension")
                .param(accountId)
                .query((rs, i) -> new Move(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
