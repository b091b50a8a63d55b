package org.recoup.app.delinquency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DelinquencyPolicyIT extends IntegrationTest {

    @Test
    void shippedPolicyHasTheContractDefaults() {
        JsonNode policy = api().get("/api/v1/config/delinquency-policy").json();
        assertThat(policy.get("buckets").size()).isEqualTo(8);
        assertThat(policy.get("buckets").get(7).get("name").asString()).isEqualTo("M6+");
        assertThat(policy.get("waterfall").toString()).isEqualTo("[\"PENALTY\",\"FEES\",\"INTEREST\",\"PRINCIPAL\"]");
    }

    @Test
    void aChangedPolicyIsStoredAsANewVersionAndUsedForAssessment() {
        String loan = new DebtFileFixture(jdbc).account(uniqueId("L"))
                .installment(1, "2026-01-10", "1000.00", "0", "0").id();
        ObjectNode policy = (ObjectNode) api().get("/api/v1/config/delinquency-policy").json();
        int before = policy.get("version").asInt();
        // a coarser bucket scheme: current, 1–90 "EARLY90", 91+ "LATE90"
        policy.set("buckets", tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                [{"name":"C","minDpd":0,"maxDpd":0},{"name":"EARLY90","minDpd":1,"maxDpd":90},
                 {"name":"LATE90","minDpd":91,"maxDpd":null}]"""));
        try {
            var saved = api().put("/api/v1/config/delinquency-policy", policy.toString());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("version").asInt()).isEqualTo(before + 1);

            JsonNode state = api().get("/api/v1/accounts/" + loan + "/state?asOf=2026-02-09").json();
            assertThat(state.get("bucket").asString()).isEqualTo("EARLY90");
            assertThat(state.get("policyVersion").asInt()).isEqualTo(before + 1);
        } finally {
            // put the contract defaults back as the newest version for the other tests
            api().put("/api/v1/config/delinquency-policy", api().get("/api/v1/config/delinquency-policy/versions/1").body());
        }
    }

    @Test
    void aPolicyWithAGapIsRefusedWithTheReason() {
        ObjectNode policy = (ObjectNode) api().get("/api/v1/config/delinquency-policy").json();
        policy.set("buckets", tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                [{"name":"M0","minDpd":0,"maxDpd":0},{"name":"M1","minDpd":5,"maxDpd":null}]"""));

        var refused = api().put("/api/v1/config/delinquency-policy", policy.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_POLICY");
        assertThat(refused.json().get("detail").asString()).contains("M1").contains("must start at dpd 1");
    }
}
