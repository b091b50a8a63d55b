package org.recoup.app.strategy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Money;
import org.recoup.engine.strategy.ConfidenceInterval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes {@link ExperimentReport}s from {@code run_decision}, {@code account_state}, {@code payment} and
 * {@code promise}: three set-based reads (first decisions with the cure flag, payments, promises), summed per arm.
 */
@Service
public class ExperimentReports {

    private static final Set<String> RESOLVED = Set.of("KEPT", "PARTIALLY_KEPT", "BROKEN");

    private final JdbcClient jdbc;
    private final StrategyExperiments experiments;

    ExperimentReports(JdbcClient jdbc, StrategyExperiments experiments) {
        this.jdbc = jdbc;
        this.experiments = experiments;
    }

    /** An account in the experiment, placed by its first decision. */
    private record Member(String arm, String caseId, LocalDate firstAsOf, String currency, ZoneId zone,
                          boolean delinquent, boolean cured) {
    }

    private static final class Tally {
        final Set<String> cases = new HashSet<>();
        long accounts;
        long delinquent;
        long cured;
        long resolved;
        long kept;
        final Map<String, long[]> recovered = new TreeMap<>();
    }

    public ExperimentReport report(String experimentId) {
        ExperimentView experiment = experiments.get(experimentId);
        Map<String, Member> members = new HashMap<>();
        jdbc.sql("""
                WITH firsts AS (
                    SELECT account_id, MIN(as_of) AS first_as_of FROM run_decision WHERE experiment_id = ?
                    GROUP BY account_id)
                SELECT f.account_id, f.first_as_of, d.arm, d.case_id, a.currency, a.jurisdiction, s.dpd,
                    (SELECT MIN(p.time_zone) FROM account_party ap JOIN party p ON p.party_id = ap.party_id
                     WHERE ap.account_id = f.account_id AND ap.role = 'BORROWER') AS zone,
                    CASE WHEN EXISTS (SELECT 1 FROM account_state l WHERE l.account_id = f.account_id
                                      AND l.as_of > f.first_as_of AND l.dpd = 0) THEN 1 ELSE 0 END AS cured
                FROM firsts f
                JOIN run_decision d ON d.as_of = f.first_as_of AND d.account_id = f.account_id
                LEFT JOIN account a ON a.account_id = f.account_id
                LEFT JOIN account_state s ON s.as_of = f.first_as_of AND s.account_id = f.account_id""")
                .param(experimentId)
                .query(rs -> {
                    String accountId = rs.getString(1);
                    String jurisdiction = rs.getString(6);
                    int dpd = rs.getInt(7);
                    boolean delinquent = !rs.wasNull() && dpd > 0;
                    String arm = rs.getString(3);
                    members.put(accountId, new Member(arm == null ? "?" : arm, rs.getString(4),
                            rs.getObject(2, LocalDate.class), rs.getString(5), zone(rs.getString(8), jurisdiction),
                            delinquent, delinquent && rs.getInt(9) == 1));
                });

        Map<String, Tally> tallies = new LinkedHashMap<>();
        experiment.arms().forEach(a -> tallies.put(a.name(), new Tally()));
        for (Member m : members.values()) {
            Tally t = tallies.computeIfAbsent(m.arm(), k -> new Tally());
            t.accounts++;
            t.cases.add(m.caseId());
            if (m.delinquent()) {
                t.delinquent++;
                if (m.cured()) {
                    t.cured++;
                }
            }
        }
        if (!members.isEmpty()) {
            LocalDate earliest = members.values().stream().map(Member::firstAsOf).min(LocalDate::compareTo).orElseThrow();
            // a day of slack for zones ahead of UTC; the exact cut is made per account below
            Timestamp from = Timestamp.from(earliest.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            jdbc.sql("""
                    SELECT p.account_id, p.paid_at, p.amount_minor FROM payment p
                    WHERE p.paid_at >= ? AND p.account_id IN (SELECT account_id FROM run_decision WHERE experiment_id = ?)""")
                    .params(from, experimentId)
                    .query(rs -> {
                        Member m = members.get(rs.getString(1));
                        if (m != null && m.currency() != null && onOrAfterFirst(m, rs.getTimestamp(2))) {
                            long[] sum = tallies.get(m.arm()).recovered.computeIfAbsent(m.currency(), c -> new long[2]);
                            sum[0] += rs.getLong(3);
                            sum[1]++;
                        }
                    });
            jdbc.sql("""
                    SELECT pr.account_id, pr.promised_at, pr.status FROM promise pr
                    WHERE pr.promised_at >= ? AND pr.account_id IN (SELECT account_id FROM run_decision WHERE experiment_id = ?)""")
                    .params(from, experimentId)
                    .query(rs -> {
                        Member m = members.get(rs.getString(1));
                        if (m != null && RESOLVED.contains(rs.getString(3)) && onOrAfterFirst(m, rs.getTimestamp(2))) {
                            Tally t = tallies.get(m.arm());
                            t.resolved++;
                            if ("KEPT".equals(rs.getString(3))) {
                                t.kept++;
                            }
                        }
                    });
        }

        List<ExperimentReport.ArmOutcome> arms = new ArrayList<>();
        Map<String, ExperimentView.ArmView> definitions = new HashMap<>();
        experiment.arms().forEach(a -> definitions.put(a.name(), a));
        tallies.forEach((name, t) -> {
            ExperimentView.ArmView def = definitions.get(name);
            List<ExperimentReport.Recovered> recovered = new ArrayList<>();
            t.recovered.forEach((currency, sum) -> recovered.add(new ExperimentReport.Recovered(currency, sum[0],
                    BigDecimal.valueOf(sum[0], Money.scaleOf(Currency.getInstance(currency))).toPlainString(), sum[1])));
            arms.add(new ExperimentReport.ArmOutcome(name, def == null ? null : def.strategyId(),
                    def == null ? null : def.strategyVersion(), def == null ? 0 : def.share(), t.accounts,
                    t.cases.size(), List.copyOf(recovered), rate(t.cured, t.delinquent), rate(t.kept, t.resolved)));
        });
        return new ExperimentReport(experiment.id(), experiment.status(), List.copyOf(arms));
    }

    private static boolean onOrAfterFirst(Member m, Timestamp at) {
        return !at.toInstant().atZone(m.zone()).toLocalDate().isBefore(m.firstAsOf());
    }

    static ExperimentReport.Rate rate(long successes, long trials) {
        if (trials == 0) {
            return new ExperimentReport.Rate(successes, trials, null, null, null);
        }
        ConfidenceInterval ci = ConfidenceInterval.wilson95(successes, trials);
        return new ExperimentReport.Rate(successes, trials, ci.estimate(), ci.lower(), ci.upper());
    }

    /** The borrower's zone, else the jurisdiction's (as the daily run dates payments). */
    private static ZoneId zone(String name, String jurisdiction) {
        if (name != null && !name.isBlank()) {
            try {
                return ZoneId.of(name.strip());
            } catch (DateTimeException invalid) {
                // fall back to the jurisdiction
            }
        }
        try {
            return Jurisdiction.valueOf(jurisdiction).defaultZone();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
