package org.recoup.app.agency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's agency: creates agency {@code AG-1} with a contract and records the placements of the cases the demo
 * loader has assigned to it (placed 45 days before the demo date for 90 days, balances from the demo run's states), so
 * the agency pages, the statement and the scorecard have content on first start. Deterministic; does nothing twice.
 */
@Component
public class AgencyDemo {

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final PlacementRules rules;

    AgencyDemo(JdbcClient jdbc, Agencies agencies, PlacementRules rules) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.rules = rules;
    }

    @Transactional
    public int recordDemoPlacements(String agencyId, LocalDate asOf) {
        if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE agency_id = ?").param(agencyId).query(Long.class).single() > 0) {
            return 0;
        }
        agencies.create(new Agencies.Agency(agencyId, "示例催收服务有限公司 (demo agency)", "021-0000-0000", true), "demo");
        agencies.addContract(agencyId, new Agencies.ContractRequest(asOf.minusYears(1), null,
                Map.of("M3", new BigDecimal("15"), "M4", new BigDecimal("18"), "M5", new BigDecimal("20"),
                        "M6", new BigDecimal("22")), new BigDecimal("25")), "demo");
        LocalDate placedOn = asOf.minusDays(45);
        Timestamp placedAt = Timestamp.from(placedOn.atStartOfDay(rules.current().zoneId()).toInstant());
        List<String> cases = jdbc.sql("SELECT case_id FROM case_assignment WHERE agency_id = ? ORDER BY case_id")
                .param(agencyId).query(String.class).list();
        for (String caseId : cases) {
            jdbc.sql("INSERT INTO placement (case_id, open_case_id, agency_id, placed_at, placed_on, term_days, recall_on, "
                            + "placed_by, placed_reason, team) VALUES (?, ?, ?, ?, ?, 90, ?, 'supervisor', "
                            + "'demo: late-stage outsourcing', 'late')")
                    .params(caseId, caseId, agencyId, placedAt, placedOn, placedOn.plusDays(90)).update();
            jdbc.sql("""
                            INSERT INTO placement_account (placement_id, account_id, currency, bucket, dpd, balance_minor)
                            SELECT p.placement_id, s.account_id, s.currency, s.bucket, s.dpd,
                                   s.outstanding_principal_minor + s.overdue_interest_minor + s.overdue_fees_minor
                                     + s.overdue_penalty_minor
                            FROM placement p JOIN collection_case cc ON cc.case_id = p.case_id
                            JOIN account_party ap ON ap.party_id = cc.party_id AND ap.role = 'BORROWER'
                            JOIN account_state s ON s.account_id = ap.account_id AND s.as_of = ?
                            WHERE p.open_case_id = ?""")
                    .params(asOf, caseId).update();
        }
        return cases.size();
    }
}
