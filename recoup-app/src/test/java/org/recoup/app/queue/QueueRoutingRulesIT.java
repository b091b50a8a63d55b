package org.recoup.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.recoup.app.ApiClient;
import org.recoup.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Routing by stage, segment and product as well as bucket: the first route that matches wins. */
class QueueRoutingRulesIT extends IntegrationTest {

    @Autowired
    CaseRouting routing;

    private String openCase(String product, String bucket, String stage, String grade) {
        String party = uniqueId("RR");
        String account = party + "-L";
        LocalDate day = LocalDate.of(2026, 11, 1);
        jdbc.sql("INSERT INTO party (party_id, name, time_zone) VALUES (?, 'x', 'Asia/Shanghai')").param(party).update();
        jdbc.sql("INSERT INTO account (account_id, product, currency, principal_minor, open_date) "
                + "VALUES (?, ?, 'CNY', 100, ?)").params(account, product, day).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')")
                .params(account, party).update();
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) "
                + "VALUES (?, ?, 'OPEN', ?, ?)").params("C-" + party, party, day, day).update();
        jdbc.sql("INSERT INTO queue_case_facts (case_id, dpd, bucket, stage, grade, quadrant) VALUES (?, 40, ?, ?, ?, 'Q')")
                .params("C-" + party, bucket, stage, grade).update();
        return "C-" + party;
    }

    private String teamOf(String caseId) {
        return jdbc.sql("SELECT team FROM case_assignment WHERE case_id = ?").param(caseId).query(String.class)
                .optional().orElse(null);
    }

    @Test
    void casesAreRoutedByProductSegmentAndStageBeforeTheBucketRoutes() {
        String stage = null;
        String shipped = api().get("/api/v1/config/queue-routing").body();
        String fees = uniqueId("fees");
        String hard = uniqueId("hard");
        ApiClient.Response saved = api().put("/api/v1/config/queue-routing", """
                {"routes": [
                  {"team": "%s", "products": ["PROPERTY_FEE"]},
                  {"team": "%s", "buckets": ["M1", "M2"], "segments": ["C"]},
                  {"team": "early", "buckets": ["M0", "M1", "M2"]},
                  {"team": "late", "buckets": ["M3", "M4", "M5", "M6", "M6+"]}
                ], "lockMinutes": 15}""".formatted(fees, hard));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("routes").get(0).get("products").get(0).asString()).isEqualTo("PROPERTY_FEE");
        try {
            jdbc.sql("DELETE FROM queue_case_facts").update();
            String fee = openCase("PROPERTY_FEE", "M1", stage, "C");
            String hardCase = openCase("CONSUMER_LOAN", "M1", stage, "C");
            String easy = openCase("CONSUMER_LOAN", "M1", stage, "A");
            String late = openCase("CREDIT_CARD", "M4", stage, "C");

            routing.routeFromFacts(Instant.now());

            assertThat(teamOf(fee)).isEqualTo(fees);
            assertThat(teamOf(hardCase)).isEqualTo(hard);
            assertThat(teamOf(easy)).isEqualTo("early");
            assertThat(teamOf(late)).isEqualTo("late");
        } finally {
            jdbc.sql("DELETE FROM queue_case_facts").update();
            String restore = shipped.replaceAll("\"version\":\\d+,?", "");
            assertThat(api().put("/api/v1/config/queue-routing", restore).status()).isEqualTo(200);
        }
    }

    @Test
    void routesByStageSegmentOrProductAreValidatedNamingTheField() {
        ApiClient.Response product = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"x\",\"products\":[\"MORTGAGE\"]}],\"lockMinutes\":15}");
        assertThat(product.status()).isEqualTo(400);
        assertThat(product.json().get("field").asString()).isEqualTo("routes[0].products[0]");
        ApiClient.Response segment = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"x\",\"segments\":[\"Z\"]}],\"lockMinutes\":15}");
        assertThat(segment.json().get("field").asString()).isEqualTo("routes[0].segments[0]");
        ApiClient.Response stage = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"x\",\"stages\":[\"NOWHERE\"]}],\"lockMinutes\":15}");
        assertThat(stage.json().get("field").asString()).isEqualTo("routes[0].stages[0]");
        ApiClient.Response nothing = api().put("/api/v1/config/queue-routing",
                "{\"routes\":[{\"team\":\"x\"}],\"lockMinutes\":15}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("field").asString()).isEqualTo("routes[0].buckets");
    }
}
