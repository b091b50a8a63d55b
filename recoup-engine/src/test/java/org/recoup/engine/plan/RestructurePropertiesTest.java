package org.recoup.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;

/** Restructuring neither creates nor loses money, and the cash already received stays allocated as before. */
class RestructurePropertiesTest {

    static final DelinquencyPolicy POLICY = DelinquencyPolicy.defaults();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 10);

    @Property(tries = 300)
    void aBalancePlanKeepsPaidCashAndOwesExactlyTheBalance(@ForAll @IntRange(min = 1, max = 8) int count,
                                                          @ForAll @LongRange(min = 100, max = 500_000) long each,
                                                          @ForAll @IntRange(min = 0, max = 12) int paidCount,
                                                          @ForAll @LongRange(min = 1, max = 700_000) long paymentSize,
                                                          @ForAll @IntRange(min = 0, max = 300) int daysAfter,
                                                          @ForAll @IntRange(min = 0, max = 4) int penaltyPerMille,
                                                          @ForAll @IntRange(min = 1, max = 12) int planInstalments) {
        List<Installment> schedule = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            schedule.add(new Installment(k + 1, FIRST_DUE.plusMonths(k), each, each / 10, k == 0 ? 500 : 0));
        }
        Account account = new Account("P-1", Product.CONSUMER_LOAN, Currency.getInstance("CNY"), each * count,
                FIRST_DUE.minusMonths(1), penaltyPerMille == 0 ? null : BigDecimal.valueOf(penaltyPerMille, 3), null,
                0, Jurisdiction.CN, ZONE, null);
        List<Payment> payments = new ArrayList<>();
        for (int k = 0; k < paidCount; k++) {
            payments.add(new Payment("p" + k, FIRST_DUE.plusDays(k * 13L).atTime(12, 0).atZone(ZONE).toInstant(),
                    paymentSize, PaymentChannel.OTHER));
        }
        LocalDate asOf = FIRST_DUE.plusDays(paidCount * 13L + daysAfter);
        var before = DelinquencyCalculator.assessWithAllocation(account, schedule, payments, asOf, POLICY);
        Position position = Position.of(schedule, before, asOf, POLICY.waterfall());
        if (position.balance().total() == 0) {
            return;
        }

        var r = Restructure.restructure(position,
                PlanTerms.instalmentPlan(PlanTerms.Scope.BALANCE, planInstalments, asOf.plusDays(10)));

        long planned = r.schedule().stream().filter(i -> i.kind() != PlanInstalment.Kind.PAID)
                .mapToLong(PlanInstalment::due).sum();
        long paid = r.schedule().stream().filter(i -> i.kind() == PlanInstalment.Kind.PAID)
                .mapToLong(PlanInstalment::due).sum();
        assertThat(planned).isEqualTo(r.balance().total());
        assertThat(paid).isEqualTo(before.received() - before.state().unappliedCredit());
        List<Installment> rebuilt = r.schedule().stream()
                .map(i -> new Installment(i.seq(), i.dueDate(), i.principal(), i.interest(), i.fees())).toList();
        var after = DelinquencyCalculator.assessWithAllocation(account, rebuilt, payments, asOf, POLICY);
        DelinquencyState state = after.state();
        assertThat(state.dpd()).isZero();
        assertThat(state.overdue().total()).isZero();
        assertThat(state.unappliedCredit()).isEqualTo(before.state().unappliedCredit());
        assertThat(after.principalPaid()).isEqualTo(before.principalPaid());
        assertThat(state.outstandingPrincipal()).isEqualTo(before.state().outstandingPrincipal());
    }
}
