package org.recoup.app.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A legal matter with its steps in order, their costs and documents. */
public record MatterView(String matterId, String caseId, String accountId, String source, LocalDate runAsOf,
                         String reason, String status, String createdBy, Instant createdAt, String decidedBy,
                         Instant decidedAt, String decisionNote, List<Step> steps, List<Total> costTotals) {

    public record Step(String step, LocalDate date, String court, String courtCaseNumber, LocalDate nextDeadline,
                       String deadlineNote, String documentId, LocalDate receiptDate, String receiptReference,
                       String note, String recordedBy, Instant recordedAt, List<Cost> costs) {
    }

    public record Cost(String costId, String description, BigDecimal amount, String currency) {
    }

    /** The matter's costs summed per currency (never across currencies). */
    public record Total(String currency, BigDecimal amount) {
    }

    /** The step the matter is at (the last recorded), or null. */
    public String currentStep() {
        return steps.isEmpty() ? null : steps.getLast().step();
    }

    /** The deadline of the current step, or null. */
    public LocalDate nextDeadline() {
        return steps.isEmpty() ? null : steps.getLast().nextDeadline();
    }
}
