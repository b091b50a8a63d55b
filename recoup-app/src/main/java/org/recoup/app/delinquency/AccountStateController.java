package org.recoup.app.delinquency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.debt.Money;
import org.recoup.engine.delinquency.DelinquencyState;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/accounts/{id}/state} (contract §3). */
@RestController
@Tag(name = "Accounts")
class AccountStateController {

    private final Delinquency delinquency;
    private final Clock clock;

    AccountStateController(Delinquency delinquency, Clock clock) {
        this.delinquency = delinquency;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{id}/state")
    @Operation(summary = "An account's delinquency state as of a business date",
            description = "Read from that date's daily run when there is one (source DAILY_RUN), otherwise computed "
                    + "on the fly (source COMPUTED); fresh=true always computes, e.g. after a payment posted since the "
                    + "run. asOf defaults to today (server clock).")
    StateView state(@PathVariable String id,
                    @Parameter(description = "business date YYYY-MM-DD")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = "true: assess from the debt file now, even when the date has a run")
                    @RequestParam(defaultValue = "false") boolean fresh) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Delinquency.Assessed assessed = delinquency.stateOf(id, date, fresh)
                .orElseThrow(() -> ApiProblem.notFound("account", id));
        return StateView.of(assessed.state(), assessed.stored());
    }

    /** The contract's state document; segment and strategy stay null until segmentation and strategies decide them. */
    record StateView(String accountId, LocalDate asOf, String currency, int dpd, String bucket, String stage,
                     String agingBucket, String riskClass, OverdueView overdue, BigDecimal outstandingPrincipal,
                     BigDecimal penaltyAccrued, BigDecimal unappliedCredit, LocalDate oldestUnpaidDueDate,
                     Object segment, Object strategy, List<Object> nextActions, List<String> explanation,
                     int policyVersion, String source) {

        static StateView of(DelinquencyState s, boolean stored) {
            int scale = Money.scaleOf(s.currency());
            OverdueView overdue = new OverdueView(amount(s.overdue().principal(), scale),
                    amount(s.overdue().interest(), scale), amount(s.overdue().fees(), scale),
                    amount(s.overdue().penalty(), scale), amount(s.overdue().total(), scale));
            return new StateView(s.accountId(), s.asOf(), s.currency().getCurrencyCode(), s.dpd(), s.bucket(), s.stage(),
                    s.agingBucket().name(), s.riskClass().name(), overdue, amount(s.outstandingPrincipal(), scale),
                    amount(s.penaltyAccrued(), scale), amount(s.unappliedCredit(), scale), s.oldestUnpaidDueDate(),
                    null, null, List.of(), explain(s, scale), s.policyVersion(), stored ? "DAILY_RUN" : "COMPUTED");
        }

        private static List<String> explain(DelinquencyState s, int scale) {
            List<String> lines = new ArrayList<>();
            if (s.oldestUnpaidDueDate() == null) {
                lines.add("No instalment due before " + s.asOf() + " is unpaid: dpd 0.");
            } else if (s.dpd() == 0) {
                lines.add("Oldest unpaid instalment fell due on " + s.oldestUnpaidDueDate()
                        + " and is still within its grace days: dpd 0.");
            } else {
                lines.add("Oldest unpaid instalment fell due on " + s.oldestUnpaidDueDate() + ": " + s.dpd()
                        + " days past due as of " + s.asOf() + ".");
            }
            lines.add("Bucket " + s.bucket() + ", stage " + s.stage() + ", aging " + s.agingBucket() + ", risk class "
                    + s.riskClass() + " under delinquency policy version " + s.policyVersion() + ".");
            if (s.overdue().total() > 0) {
                lines.add("Overdue " + amount(s.overdue().total(), scale).toPlainString() + " "
                        + s.currency().getCurrencyCode() + " = principal " + amount(s.overdue().principal(), scale)
                        + " + interest " + amount(s.overdue().interest(), scale) + " + fees "
                        + amount(s.overdue().fees(), scale) + " + penalty " + amount(s.overdue().penalty(), scale) + ".");
            }
            return lines;
        }
    }

    record OverdueView(BigDecimal principal, BigDecimal interest, BigDecimal fees, BigDecimal penalty, BigDecimal total) {
    }

    static BigDecimal amount(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale);
    }
}
