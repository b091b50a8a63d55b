package org.recoup.app.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The V116 rollups the dashboards read hold exactly the sums of the aggregates they are derived from
 * ({@code kpi_contact_hour}, {@code kpi_promise_day}), are rebuilt with them, and keep an agent's working hours as one
 * bit per local hour — so no dashboard figure depends on which of the two a table reads.
 */
class KpiRollupsIT extends IntegrationTest {

    @Autowired
    KpiAggregates aggregates;

    private KpiHistory history;

    @BeforeEach
    void maintainedHistory() {
        history = new KpiHistory(jdbc, uniqueId("ru"), 700).build();
        aggregates.refresh(history.day, history.day.plusDays(1));
    }

    @Test
    void theContactRollupHoldsTheSumsOfTheContactAggregateWithoutTheAgent() {
        String base = """
                SELECT business_date, product, currency, team, channel, local_hour, SUM(attempts) AS attempts,
                       SUM(rpc) AS rpc, SUM(ptp) AS ptp,
                       SUM(CASE WHEN agent <> '' THEN attempts ELSE 0 END) AS agent_attempts, SUM(cost_minor) AS cost_minor
                FROM kpi_contact_hour WHERE portfolio = ?
                GROUP BY business_date, product, currency, team, channel, local_hour
                ORDER BY business_date, product, currency, team, channel, local_hour""";
        String rollup = """
                SELECT business_date, product, currency, team, channel, local_hour, attempts, rpc, ptp, agent_attempts,
                       cost_minor
                FROM kpi_contact_team_hour WHERE portfolio = ?
                ORDER BY business_date, product, currency, team, channel, local_hour""";
        List<Map<String, Object>> expected = rows(base);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(values(rows(rollup))).isEqualTo(values(expected));
    }

    @Test
    void thePromiseRollupsHoldTheSumsOfThePromiseAggregate() {
        assertThat(values(rows("""
                SELECT business_date, event, product, currency, team, channel, local_hour, promises, amount_minor,
                       paid_minor
                FROM kpi_promise_team_hour WHERE portfolio = ?
                ORDER BY business_date, event, product, currency, team, channel, local_hour""")))
                .isEqualTo(values(rows("""
                        SELECT business_date, event, product, currency, team, channel, local_hour, SUM(promises) AS promises,
                               SUM(amount_minor) AS amount_minor, SUM(paid_minor) AS paid_minor
                        FROM kpi_promise_day WHERE portfolio = ?
                        GROUP BY business_date, event, product, currency, team, channel, local_hour
                        ORDER BY business_date, event, product, currency, team, channel, local_hour""")))
                .isNotEmpty();
        assertThat(values(rows("""
                SELECT business_date, event, product, team, agent, promises FROM kpi_promise_agent_day
                WHERE portfolio = ? ORDER BY business_date, event, product, team, agent""")))
                .isEqualTo(values(rows("""
                        SELECT business_date, event, product, team, agent, SUM(promises) AS promises FROM kpi_promise_day
                        WHERE portfolio = ? AND agent <> ''
                        GROUP BY business_date, event, product, team, agent
                        ORDER BY business_date, event, product, team, agent""")))
                .isNotEmpty();
    }

    @Test
    void anAgentsHourMaskHasOneBitPerLocalHourWithAnAttempt() {
        // ContactKpisIT: a1 worked at 10h and 15h (date moved to winter, so London is at UTC+0 as there), a2 at 10h, 12h and 15h (debtor-local) on the history's date
        assertThat(mask(history.agent1)).isEqualTo((1 << 10) | (1 << 15));
        assertThat(mask(history.agent2)).isEqualTo((1 << 10) | (1 << 12) | (1 << 15));
        long attempts = jdbc.sql("SELECT SUM(attempts) FROM kpi_agent_day WHERE portfolio = ? AND business_date = ?")
                .params(history.portfolio, history.day).query(Long.class).single();
        assertThat(attempts).isEqualTo(6);
    }

    @Test
    void maintainingAgainRebuildsTheRollupsWithoutDuplicates() {
        String all = """
                SELECT 'C' AS t, COUNT(*) AS n, SUM(attempts) AS s FROM kpi_contact_team_hour WHERE portfolio = ?
                UNION ALL SELECT 'A', COUNT(*), SUM(attempts) FROM kpi_agent_day WHERE portfolio = ?
                UNION ALL SELECT 'P', COUNT(*), SUM(promises) FROM kpi_promise_team_hour WHERE portfolio = ?
                UNION ALL SELECT 'Q', COUNT(*), SUM(promises) FROM kpi_promise_agent_day WHERE portfolio = ?""";
        List<List<Object>> before = values(jdbc.sql(all).params(history.portfolio, history.portfolio,
                history.portfolio, history.portfolio).query().listOfRows());
        aggregates.refresh(history.day, history.day.plusDays(1));
        aggregates.rollUp(history.day, history.day);
        assertThat(values(jdbc.sql(all).params(history.portfolio, history.portfolio, history.portfolio,
                history.portfolio).query().listOfRows())).isEqualTo(before);
    }

    private long mask(String agent) {
        return jdbc.sql("SELECT BIT_OR(hours_mask) FROM kpi_agent_day WHERE agent = ? AND business_date = ?")
                .params(agent, history.day).query(Long.class).single();
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).params(history.portfolio).query().listOfRows();
    }

    /** Column values (in order) as longs or strings, so that SUM's and a column's SQL types compare alike. */
    private static List<List<Object>> values(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.values().stream()
                .map(v -> v instanceof Number n ? (Object) n.longValue() : String.valueOf(v).strip()).toList()).toList();
    }
}
