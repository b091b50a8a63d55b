package org.recoup.app.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.recoup.engine.compliance.Verdict;

/** The gate's answer as the API shows it (contract §5), with the profile that decided and the audit id. */
@Schema(name = "ComplianceVerdict")
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerdictView(
        @Schema(description = "ALLOW or BLOCK") String verdict,
        @Schema(description = "every reason that applies, not only the first") List<ReasonView> reasons,
        @Schema(description = "the earliest instant at which every time-bound reason clears; absent when allowed or "
                + "when a reason that does not clear by itself blocks") Instant nextAllowedAt,
        ProfileRef profile,
        @Schema(description = "id of the audited verdict") String verdictId) {

    @Schema(name = "ComplianceReason")
    record ReasonView(@Schema(description = "stable reason code (contract §5)") String code, String message,
                      @Schema(description = "the rule cited, see docs/compliance.md") String rule) {
    }

    @Schema(name = "ComplianceProfileRef")
    record ProfileRef(@Schema(example = "CN/portfolio-7") String id, int version) {
    }

    static VerdictView of(Verdict v, String verdictId) {
        return new VerdictView(v.decision().name(),
                v.reasons().stream().map(r -> new ReasonView(r.code().name(), r.message(), r.rule())).toList(),
                v.nextAllowedAt(), new ProfileRef(v.profileId(), v.profileVersion()), verdictId);
    }
}
