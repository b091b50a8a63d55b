package org.recoup.app.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.engine.plan.PlanTerms;

/** A plan as the API and pages show it. Amounts are decimals in the account's currency. */
@Schema(name = "Plan")
public record PlanView(String planId, String caseId, String accountId, String type, String status, PlanTerms terms,
                       String reason, String currency, BigDecimal balance, BigDecimal waived, BigDecimal waivedPercent,
                       Waiver waiver, int planInstalments, int lengthMonths, String requiredLevel,
                       boolean withinMakerLimit, String proposedBy, Instant proposedAt, LocalDate proposedOn,
                       String decidedBy, Instant decidedAt, String decisionNote, LocalDate effectiveOn,
                       LocalDate closedOn, String documentId, List<Row> schedule, List<Change> history) {

    /** One instalment of the plan's schedule (PAID: cash before the plan; PLAN: created by it; KEPT: original). */
    public record Row(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                      BigDecimal total, String kind) {
    }

    /** What the plan waives, by component (never cash): CONDITIONAL, GRANTED or REINSTATED. */
    public record Waiver(BigDecimal principal, BigDecimal interest, BigDecimal fees, BigDecimal penalty,
                         BigDecimal total, String status) {
    }

    public record Change(String status, Instant at, String by, LocalDate asOf, String note) {
    }
}
