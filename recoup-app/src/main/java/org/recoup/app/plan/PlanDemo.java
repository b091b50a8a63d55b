package org.recoup.app.plan;

import java.time.LocalDate;
import java.util.List;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.security.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's plans, so the plans pages are not empty on first start: on three overdue cases of the early team's
 * queue, the demo agent proposes an instalment plan the lead approves (ACTIVE, with its agreement PDF), another
 * waiting for approval, and the junior agent proposes an interest waiver beyond a junior's authority (escalated).
 */
@Component
public class PlanDemo {

    private static final Logger log = LoggerFactory.getLogger(PlanDemo.class);

    private final Plans plans;
    private final JdbcClient jdbc;

    PlanDemo(Plans plans, JdbcClient jdbc) {
        this.plans = plans;
        this.jdbc = jdbc;
    }

    /** Adds the demo plans after the demo's first run of {@code asOf}; a failure is logged, never fatal. */
    public void seed(LocalDate asOf) {
        try {
            if (jdbc.sql("SELECT COUNT(*) FROM repayment_plan").query(Long.class).single() > 0) {
                return;
            }
            List<String[]> cases = jdbc.sql("""
                            SELECT ca.case_id, s.account_id FROM case_assignment ca
                            JOIN account_party ap ON 'C-' || ap.party_id = ca.case_id AND ap.role = 'BORROWER'
                            JOIN account_state s ON s.account_id = ap.account_id AND s.as_of = ?
                            WHERE ca.team = 'early' AND ca.agent IS NULL AND ca.agency_id IS NULL
                              AND s.dpd > 0 AND s.overdue_interest_minor > 0
                            ORDER BY ca.case_id, s.account_id FETCH FIRST 3 ROWS ONLY""")
                    .param(asOf).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            if (cases.size() < 3) {
                return;
            }
            Actor agent = new Actor("agent", Role.AGENT, Tier.INTERMEDIATE, "early", null);
            Actor junior = new Actor("agent2", Role.AGENT, Tier.JUNIOR, "early", null);
            Actor lead = new Actor("lead", Role.TEAM_LEAD, null, "early", null);
            String first = plans.propose(cases.get(0)[0], instalments(cases.get(0)[1], asOf, "收入减少，申请分期偿还逾期欠款"),
                    null, agent).plan().planId();
            plans.approve(first, "核实收入证明后同意", lead);
            plans.propose(cases.get(1)[0], instalments(cases.get(1)[1], asOf, "失业，下月入职新单位"), null, agent);
            plans.propose(cases.get(2)[0], new PlanRequest(cases.get(2)[1], org.recoup.engine.plan.PlanType.WAIVER,
                    "住院治疗，申请减免逾期利息", null, null, null, null, asOf.plusDays(14), true, false), null, junior);
            log.info("Demo: 3 repayment plans (1 active, 2 waiting for approval)");
        } catch (RuntimeException e) {
            log.warn("Demo plans were not added: {}", e.getMessage());
        }
    }

    private static PlanRequest instalments(String accountId, LocalDate asOf, String reason) {
        return new PlanRequest(accountId, org.recoup.engine.plan.PlanType.INSTALMENT_PLAN, reason,
                org.recoup.engine.plan.PlanTerms.Scope.ARREARS, 3, asOf.plusDays(7), null, null, null, null);
    }
}
