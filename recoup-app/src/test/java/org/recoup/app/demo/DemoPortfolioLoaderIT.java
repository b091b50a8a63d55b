package org.recoup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.app.dailyrun.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;

class DemoPortfolioLoaderIT extends IntegrationTest {

    @Autowired
    DemoPortfolioLoader loader;

    @Test
    void demoPortfolioIsImportedRunAndLoggedInto() {
        LocalDate asOf = LocalDate.parse("2035-01-10");

        DemoPortfolioLoader.DemoLoad load = loader.load(150, asOf);

        assertThat(load.imported().applied()).isTrue();
        assertThat(load.imported().counts().get("accounts.csv")).isEqualTo(150);
        assertThat(load.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        long accounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        long states = jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ?").param(asOf).query(Long.class).single();
        assertThat(states).isEqualTo(accounts);
        long products = jdbc.sql("SELECT COUNT(DISTINCT product) FROM account WHERE account_id BETWEEN 'L-000001' AND 'L-000150'")
                .query(Long.class).single();
        assertThat(products).isEqualTo(4);
        long delinquent = jdbc.sql("SELECT COUNT(*) FROM account_state WHERE as_of = ? AND dpd > 0 "
                        + "AND account_id BETWEEN 'L-000001' AND 'L-000150'")
                .param(asOf).query(Long.class).single();
        assertThat(delinquent).isBetween(30L, 120L);
        // the run decided for the date: a decision per demo account, and case actions planned through the gate
        assertThat(jdbc.sql("SELECT COUNT(*) FROM run_decision WHERE as_of = ? AND run_id = ? "
                        + "AND account_id BETWEEN 'L-000001' AND 'L-000150'")
                .params(asOf, load.run().id()).query(Long.class).single()).isEqualTo(150);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM run_action WHERE as_of = ? AND status = 'PLANNED' AND case_id IN "
                        + "(SELECT case_id FROM run_decision WHERE as_of = ? AND account_id BETWEEN 'L-000001' AND 'L-000150')")
                .params(asOf, asOf).query(Long.class).single()).as("planned actions of the demo cases").isPositive();

        assertThat(api("supervisor", DemoPortfolioLoader.DEMO_PASSWORD).get("/api/v1/runs").status()).isEqualTo(200);
        assertThat(api("supervisor", DemoPortfolioLoader.DEMO_PASSWORD).get("/api/v1/accounts/L-000001").status())
                .isEqualTo(200);
        // every demo login exists with its role; an agent sees a case only once it is assigned to them or their team
        for (String user : java.util.List.of("lead", "agent", "agent2", "senior", "compliance", "agency")) {
            assertThat(api(user, DemoPortfolioLoader.DEMO_PASSWORD).get("/api/v1/accounts/L-000001").status())
                    .as(user).isIn(200, 404);
        }
        assertThat(jdbc.sql("SELECT role || '/' || COALESCE(tier, '-') || '/' || COALESCE(team, '-') || '/' "
                        + "|| COALESCE(agency_id, '-') FROM app_user WHERE username IN "
                        + "('supervisor', 'lead', 'agent', 'agent2', 'senior', 'compliance', 'agency') ORDER BY username")
                .query(String.class).list()).containsExactly("AGENCY/-/-/AG-1", "AGENT/INTERMEDIATE/early/-",
                "AGENT/JUNIOR/early/-", "COMPLIANCE/-/-/-", "TEAM_LEAD/-/early/-", "AGENT/SENIOR/late/-",
                "SUPERVISOR/-/-/-");
        // a few late-stage cases of this load are placed with the demo agency: the agency login has a queue of its own
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_assignment WHERE agency_id = 'AG-1' AND case_id IN "
                        + "(SELECT case_id FROM run_action WHERE run_id = ?)")
                .param(load.run().id()).query(Long.class).single()).as("cases placed with AG-1").isPositive();
    }

    @Test
    void loadingTheSameDemoTwiceChangesNothing() {
        LocalDate asOf = LocalDate.parse("2035-01-10");
        loader.load(40, asOf);
        long before = jdbc.sql("SELECT COUNT(*) FROM installment").query(Long.class).single();

        DemoPortfolioLoader.DemoLoad again = loader.load(40, asOf);

        assertThat(again.imported().applied()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM installment").query(Long.class).single()).isEqualTo(before);
    }
}
