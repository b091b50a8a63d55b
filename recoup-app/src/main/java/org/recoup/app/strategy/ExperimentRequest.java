package org.recoup.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A new champion/challenger experiment.
 *
 * @param grades    A, B, C: only cases of these grades take part; empty or absent = all
 * @param quadrants WILLING_ABLE, WILLING_UNABLE, UNWILLING_ABLE, UNWILLING_UNABLE; empty or absent = all
 */
public record ExperimentRequest(
        @Schema(example = "early-sms-first") String id,
        @Schema(example = "[\"A\"]") List<String> grades,
        List<String> quadrants,
        List<ArmRequest> arms,
        @Schema(example = "0.8") Double controlShare,
        String note) {

    /** A challenger arm: a stored strategy version and the share of covered cases it decides. */
    public record ArmRequest(@Schema(example = "challenger") String name,
                             @Schema(example = "consumer-default") String strategyId,
                             @Schema(example = "2") Integer strategyVersion,
                             @Schema(example = "0.2") Double share) {
    }
}
