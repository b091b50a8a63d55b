package org.recoup.app.dailyrun;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.engine.debt.Money;
import org.recoup.engine.delinquency.DelinquencyState;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/accounts/{id}/state} (contract §3): the account's delinquency state with the run's decision —
 * segment, strategy and arm, next actions and the explanation naming the rule that fired — and
 * {@code GET /api/v1/accounts/{id}/history}: its moves between buckets and segments.
 */
@RestController
@Tag(name = "Accounts")
class AccountStateController {

    private final Delinquency delinquency;
    private final AccountDecisions decisions;
    private final Clock clock;

    AccountStateController(Delinquency delinquency, AccountDecisions decisions, Clock clock) {
        this.delinquency = delinquency;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{id}/state")
    @Operation(summary = "An account's delinquency state as of a business date",
            description = "Read from that date's daily run when there is one (source DAILY_RUN), otherwise computed "
                    + "on the fly (source COMPUTED); fresh=true always computes, e.g. after a payment posted since the "
                    + "run. asOf defaults to today (server clock). With the delinquency state: the segment "
                    + "(willingness, ability, grade, quadrant, tags), the strategy (id, version, experiment arm), the "
                    + "next actions (type, channel, due, reason; status after the compliance gate when a run planned "
                    + "them) and the explanation: the state's derivation, the segment's reasons and every rule "
                    + "evaluated, naming the one that fired.")
    StateView state(@PathVariable String id,
                    @Parameter(description = "business date YYYY-MM-DD")
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = "true: assess from the debt file now, even when the date has a run")
                    @RequestParam(defaultValue = "false") boolean fresh) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Delinquency.Assessed assessed = delinquency.stateOf(id, date, fresh)
                .orElseThrow(() -> ApiProblem.notFound("account", id));
        AccountDecisions.Shown decision = decisions.decisionOf(id, date, fresh || !assessed.stored())
                .orElseThrow(() -> ApiProblem.notFound("account", id));
        return StateView.of(assessed.state(), assessed.stored(), decision);
    }

    @GetMapping("/api/v1/accounts/{id}/history")
    @Operation(summary = "An account's moves between buckets and segments (grade, quadrant), oldest first",
            description = "Written by every daily run from the previous business date that has states: dimension "
                    + "BUCKET, GRADE or QUADRANT, from → to, with both dates. For roll rates and audits.")
    HistoryView history(@PathVariable String id) {
        if (delinquency.stateOf(id, LocalDate.now(clock)).isEmpty()) {
            throw ApiProblem.notFound("account", id);
        }
        return new HistoryView(id, decisions.history(id));
    }

    record HistoryView(String accountId, List<AccountDecisions.Move> moves) {
    }

    record SegmentView(String willingness, String ability, String grade, String quadrant, List<String> tags) {
    }

    record StrategyView(String id, int version, String arm, String firedRule) {
    }

    /** The contract's state document. */
    record StateView(String accountId, LocalDate asOf, String currency, int dpd, String bucket, String stage,
                     String agingBucket, String riskClass, OverdueView overdue, BigDecimal outstandingPrincipal,
                     BigDecimal penaltyAccrued, BigDecimal unappliedCredit, LocalDate oldestUnpaidDueDate,
                     String caseId, SegmentView segment, StrategyView strategy, List<AccountDecisions.Next> nextActions,
                     List<String> explanation, int policyVersion, String source, String decisionSource) {

        static StateView of(DelinquencyState s, boolean stored, AccountDecisions.Shown d) {
            int scale = Money.scaleOf(s.currency());
            OverdueView overdue = new OverdueView(amount(s.overdue().principal(), scale),
                    amount(s.overdue().interest(), scale), amount(s.overdue().fees(), scale),
                    amount(s.overdue().penalty(), scale), amount(s.overdue().total(), scale));
            return new StateView(s.accountId(), s.asOf(), s.currency().getCurrencyCode(), s.dpd(), s.bucket(), s.stage(),
                    s.agingBucket().name(), s.riskClass().name(), overdue, amount(s.outstandingPrincipal(), scale),
                    amount(s.penaltyAccrued(), scale), amount(s.unappliedCredit(), scale), s.oldestUnpaidDueDate(),
                    d.caseId(), new SegmentView(d.willingness(), d.ability(), d.grade(), d.quadrant(), d.tags()),
                    new StrategyView(d.strategyId(), d.strategyVersion(), d.arm(), d.firedRule()), d.next(),
                    explanation(s, scale, d), s.policyVersion(), stored ? "DAILY_RUN" : "COMPUTED",
                    d.stored() ? "DAILY_RUN" : "COMPUTED");
        }

        private static List<String> explanation(DelinquencyState s, int scale, AccountDecisions.Shown d) {
            List<String> lines = new ArrayList<>(explain(s, scale));
            lines.addAll(d.explanation());
            return lines;
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
