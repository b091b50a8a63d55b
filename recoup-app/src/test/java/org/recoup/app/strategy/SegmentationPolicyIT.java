package org.recoup.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recoup.app.IntegrationTest;
import org.recoup.engine.segmentation.Grade;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The segmentation policy as versioned data: shipped defaults, changes as new versions, used by the strategy set. */
class SegmentationPolicyIT extends IntegrationTest {

    @Autowired
    Strategies strategies;

    @Test
    void theShippedPolicyIsTheEngineDefault() {
        JsonNode policy = api().get("/api/v1/config/segmentation-policy/versions/1").json();
        SegmentationPolicy defaults = SegmentationPolicy.defaults();

        assertThat(policy.get("gradeAMaxDpd").asInt()).isEqualTo(defaults.gradeAMaxDpd());
        assertThat(policy.get("gradeCFromDpd").asInt()).isEqualTo(defaults.gradeCFromDpd());
        assertThat(policy.get("abilityWhenUnknown").asString()).isEqualTo(defaults.abilityWhenUnknown().name());
    }

    @Test
    void aChangedPolicyIsANewVersionThatSegmentsCarry() {
        ObjectNode policy = (ObjectNode) api().get("/api/v1/config/segmentation-policy").json();
        int before = policy.get("version").asInt();
        policy.put("gradeCFromDpd", 40);
        try {
            var saved = api().put("/api/v1/config/segmentation-policy", policy.toString());

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("version").asInt()).isEqualTo(before + 1);
            StrategySet set = strategies.current();
            Segment segment = set.segment(TestCases.overdue(45));
            assertThat(segment.policyVersion()).isEqualTo(before + 1);
            assertThat(segment.grade()).as("45 dpd is C from 40 on").isEqualTo(Grade.C);
        } finally {
            api().put("/api/v1/config/segmentation-policy", api().get("/api/v1/config/segmentation-policy/versions/1").body());
        }
        Segment restored = strategies.current().segment(TestCases.overdue(45));
        assertThat(restored.grade()).isEqualTo(Grade.B);
        assertThat(restored.policyVersion()).isEqualTo(before + 2);
    }

    @Test
    void aThresholdBelowOneIsRefusedNamingTheField() {
        ObjectNode policy = (ObjectNode) api().get("/api/v1/config/segmentation-policy").json();
        policy.put("refusalsForLowWillingness", 0);

        var refused = api().put("/api/v1/config/segmentation-policy", policy.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_POLICY");
        assertThat(refused.json().get("field").asString()).isEqualTo("refusalsForLowWillingness");
    }

    @Test
    void aMissingThresholdIsRefused() {
        ObjectNode policy = (ObjectNode) api().get("/api/v1/config/segmentation-policy").json();
        policy.remove("gradeAMaxDpd");

        var refused = api().put("/api/v1/config/segmentation-policy", policy.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("gradeAMaxDpd");
    }
}
