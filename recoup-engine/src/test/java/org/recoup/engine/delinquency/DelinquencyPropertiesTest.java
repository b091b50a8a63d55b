package org.recoup.engine.delinquency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Liability;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyCalculator.Assessment;

/**
 * Properties of the delinquency rules over random schedules, payments, zones, grace days, rates and caps, including
 * agreement with a literal day-by-day reference implementation of the rules.
 */
class DelinquencyPropertiesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final DelinquencyPolicy DEFAULTS = DelinquencyPolicy.defaults();

    record Case(Account account, List<Installment> installments, List<Payment> payments, LocalDate asOf) {

        DelinquencyState assess() {
            return DelinquencyCalculator.assess(account, installments, payments, asOf, DEFAULTS);
        }

        Assessment assessWithAllocation() {
            return DelinquencyCalculator.assessWithAllocation(account, installments, payments, asOf, DEFAULTS);
        }

        Case withPayments(List<Payment> newPayments) {
            return new Case(account, installments, newPayments, asOf);
        }

        Case asOf(LocalDate newAsOf) {
            return new Case(account, installments, payments, newAsOf);
        }

        LocalDate valueDate(Payment payment) {
            return payment.paidAt().atZone(account.zone()).toLocalDate();
        }
    }

    private record Scheduled(int gapDays, long principal, long interest, long fees) {
    }

    private record Paid(int day, int secondOfDay, long amount) {
    }

    private record Terms(String rate, Long cap, int graceDays, String zone) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Scheduled> scheduled = Combinators.combine(
                Arbitraries.integers().between(0, 45),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 200_000), Arbitraries.of(100_000L)),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 20_000), Arbitraries.of(0L, 6_000L)),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 5_000), Arbitraries.of(0L)))
                .as(Scheduled::new);
        Arbitrary<Paid> paid = Combinators.combine(
                Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 86_399),
                Arbitraries.oneOf(Arbitraries.longs().between(1, 300_000), Arbitraries.of(106_000L, 100_000L, 50_000L)))
                .as(Paid::new);
        Arbitrary<Terms> terms = Combinators.combine(
                Arbitraries.of("0", "0.0005", "0.001", "0.00033", "0.0123", "0.00012345678901234567891").injectNull(0.2),
                Arbitraries.longs().between(0, 100_000).injectNull(0.5),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 5), Arbitraries.of(30)),
                Arbitraries.of("Asia/Shanghai", "America/New_York", "Europe/London", "UTC"))
                .as(Terms::new);
        return Combinators.combine(
                scheduled.list().ofMinSize(1).ofMaxSize(12),
                paid.list().ofMaxSize(6),
                terms,
                Arbitraries.integers().between(0, 520))
                .as(DelinquencyPropertiesTest::toCase);
    }

    private static Case toCase(List<Scheduled> schedule, List<Paid> paid, Terms terms, int asOfDay) {
        ZoneId zone = ZoneId.of(terms.zone());
        List<Installment> installments = new ArrayList<>();
        LocalDate due = START;
        long principal = 0;
        for (Scheduled s : schedule) {
            due = due.plusDays(s.gapDays());
            installments.add(new Installment(installments.size() + 1, due, s.principal(), s.interest(), s.fees()));
            principal += s.principal();
        }
        List<Payment> payments = new ArrayList<>();
        for (Paid p : paid) {
            Instant at = START.plusDays(p.day()).atStartOfDay(zone).toInstant().plusSeconds(p.secondOfDay());
            payments.add(new Payment("P" + (payments.size() + 1), at, p.amount(), PaymentChannel.OTHER));
        }
        Account account = new Account("A-1", Product.CONSUMER_LOAN, Currency.getInstance("CNY"), principal,
                START.minusMonths(1), terms.rate() == null ? null : new BigDecimal(terms.rate()), terms.cap(),
                terms.graceDays(), Jurisdiction.CN, zone, Liability.ORDINARY);
        return new Case(account, List.copyOf(installments), List.copyOf(payments), START.plusDays(asOfDay));
    }

    @Property(tries = 300)
    void sweepAgreesWithADayByDayReading(@ForAll("cases") Case c) {
        Assessment actual = c.assessWithAllocation();
        Reference expected = Reference.of(c, DEFAULTS);

        DelinquencyState state = actual.state();
        assertThat(state.dpd()).isEqualTo(expected.dpd);
        assertThat(state.oldestUnpaidDueDate()).isEqualTo(expected.oldestUnpaidDueDate);
        assertThat(state.overdue()).isEqualTo(expected.overdue);
        assertThat(state.penaltyAccrued()).isEqualTo(expected.penaltyAccrued);
        assertThat(state.unappliedCredit()).isEqualTo(expected.credit);
        assertThat(state.outstandingPrincipal()).isEqualTo(c.account().principal() - expected.principalPaid);
        assertThat(actual.penaltyPaid()).isEqualTo(expected.penaltyPaid);
        assertThat(actual.principalPaid()).isEqualTo(expected.principalPaid);
    }

    @Property(tries = 200)
    void payingEverythingOverdueIncludingPenaltyMakesDpdZero(@ForAll("cases") Case c) {
        DelinquencyState before = c.assess();
        if (before.overdue().total() == 0) {
            return;
        }
        Instant lateOnAsOf = c.asOf().atTime(LocalTime.of(23, 59, 59)).atZone(c.account().zone()).toInstant();
        List<Payment> payments = new ArrayList<>(c.payments());
        payments.add(new Payment("~settle", lateOnAsOf, before.overdue().total(), PaymentChannel.OTHER));

        DelinquencyState after = c.withPayments(payments).assess();

        assertThat(after.dpd()).isZero();
        assertThat(after.overdue()).isEqualTo(Overdue.NONE);
        assertThat(after.oldestUnpaidDueDate()).isNull();
        assertThat(after.penaltyAccrued()).isEqualTo(before.penaltyAccrued());
    }

    @Property(tries = 200)
    void withoutPaymentsDpdGrowsByExactlyOneADayOncePastGrace(@ForAll("cases") Case withPayments) {
        Case c = withPayments.withPayments(List.of());
        int today = c.assess().dpd();
        int tomorrow = c.asOf(c.asOf().plusDays(1)).assess().dpd();

        if (today > 0) {
            assertThat(tomorrow).isEqualTo(today + 1);
        } else {
            assertThat(tomorrow).isIn(0, c.account().graceDays() + 1);
        }
    }

    @Property(tries = 200)
    void penaltyNeverExceedsItsCap(@ForAll("cases") Case c) {
        Assessment result = c.assessWithAllocation();
        long accrued = result.state().penaltyAccrued();

        if (c.account().penaltyCap() != null) {
            assertThat(accrued).isLessThanOrEqualTo(c.account().penaltyCap());
        }
        assertThat(result.penaltyPaid()).isBetween(0L, accrued);
        assertThat(result.state().overdue().penalty()).isBetween(0L, accrued);
        BigDecimal rate = c.account().penaltyRatePerDay();
        if (rate == null || rate.signum() == 0) {
            assertThat(accrued).isZero();
        }
    }

    @Property(tries = 200)
    void allocationConservesMoney(@ForAll("cases") Case c) {
        Assessment result = c.assessWithAllocation();
        long receivedUpToAsOf = c.payments().stream()
                .filter(p -> !c.valueDate(p).isAfter(c.asOf()))
                .mapToLong(Payment::amount).sum();

        assertThat(result.received()).isEqualTo(receivedUpToAsOf);
        assertThat(result.penaltyPaid() + result.feesPaid() + result.interestPaid() + result.principalPaid()
                + result.state().unappliedCredit()).isEqualTo(receivedUpToAsOf);
        if (result.state().unappliedCredit() > 0) {
            long scheduled = c.installments().stream().mapToLong(Installment::due).sum();
            assertThat(result.feesPaid() + result.interestPaid() + result.principalPaid()).isEqualTo(scheduled);
        }
    }

    @Property(tries = 200)
    void dpdAndOverdueAreNeverNegative(@ForAll("cases") Case c) {
        DelinquencyState state = c.assess();

        assertThat(state.dpd()).isNotNegative();
        assertThat(state.overdue().principal()).isNotNegative();
        assertThat(state.overdue().interest()).isNotNegative();
        assertThat(state.overdue().fees()).isNotNegative();
        assertThat(state.overdue().penalty()).isNotNegative();
        assertThat(state.outstandingPrincipal()).isNotNegative();
        assertThat(state.unappliedCredit()).isNotNegative();
        assertThat(state.dpd() == 0).isEqualTo(state.agingBucket() == AgingBucket.CURRENT);
    }

    @Property(tries = 200)
    void resultDoesNotDependOnTheOrderOfTheInputLists(@ForAll("cases") Case c, @ForAll long seed) {
        Random random = new Random(seed);
        List<Installment> installments = new ArrayList<>(c.installments());
        List<Payment> payments = new ArrayList<>(c.payments());
        Collections.shuffle(installments, random);
        Collections.shuffle(payments, random);

        DelinquencyState shuffled = DelinquencyCalculator.assess(c.account(), installments, payments, c.asOf(), DEFAULTS);

        assertThat(shuffled).isEqualTo(c.assess());
    }

    /** The rules read literally: one day at a time, exact BigDecimal accrual, allocation from the first instalment. */
    private static final class Reference {
        int dpd;
        LocalDate oldestUnpaidDueDate;
        Overdue overdue;
        long penaltyAccrued;
        long penaltyPaid;
        long principalPaid;
        long credit;

        static Reference of(Case c, DelinquencyPolicy policy) {
            Account account = c.account();
            List<Installment> schedule = c.installments().stream()
                    .sorted(Comparator.comparing(Installment::dueDate).thenComparingInt(Installment::seq)).toList();
            List<Payment> payments = c.payments().stream()
                    .filter(p -> !c.valueDate(p).isAfter(c.asOf()))
                    .sorted(Comparator.comparing(c::valueDate).thenComparing(Payment::paidAt).thenComparing(Payment::id))
                    .toList();
            int n = schedule.size();
            long[] principal = new long[n];
            long[] interest = new long[n];
            long[] fees = new long[n];
            BigDecimal[] accrued = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                principal[i] = schedule.get(i).principal();
                interest[i] = schedule.get(i).interest();
                fees[i] = schedule.get(i).fees();
                accrued[i] = BigDecimal.ZERO;
            }
            BigDecimal rate = account.penaltyRatePerDay() == null ? BigDecimal.ZERO : account.penaltyRatePerDay();
            long cap = account.penaltyCap() == null ? Long.MAX_VALUE : account.penaltyCap();
            Reference r = new Reference();

            LocalDate first = c.asOf();
            if (n > 0 && schedule.getFirst().dueDate().isBefore(first)) {
                first = schedule.getFirst().dueDate();
            }
            if (!payments.isEmpty() && c.valueDate(payments.getFirst()).isBefore(first)) {
                first = c.valueDate(payments.getFirst());
            }
            int p = 0;
            for (LocalDate day = first; !day.isAfter(c.asOf()); day = day.plusDays(1)) {
                // start of the day: was the account overdue, on which balances?
                int oldest = 0;
                while (oldest < n && principal[oldest] + interest[oldest] + fees[oldest] == 0) {
                    oldest++;
                }
                if (oldest < n && ChronoUnit.DAYS.between(schedule.get(oldest).dueDate(), day) > account.graceDays()) {
                    for (int i = 0; i < n; i++) {
                        if (schedule.get(i).dueDate().isBefore(day)) {
                            accrued[i] = accrued[i].add(rate.multiply(BigDecimal.valueOf(principal[i] + interest[i])));
                        }
                    }
                }
                // the day's payments
                for (; p < payments.size() && c.valueDate(payments.get(p)).equals(day); p++) {
                    long money = payments.get(p).amount();
                    BigDecimal accruedSoFar = BigDecimal.ZERO;
                    for (int i = 0; i < n; i++) {
                        accruedSoFar = accruedSoFar.add(accrued[i]);
                        for (AllocationComponent component : policy.waterfall()) {
                            long take;
                            switch (component) {
                                case PENALTY -> {
                                    long payable = Math.max(0, Math.min(cap, round(accruedSoFar)) - r.penaltyPaid);
                                    take = Math.min(money, payable);
                                    r.penaltyPaid += take;
                                }
                                case FEES -> {
                                    take = Math.min(money, fees[i]);
                                    fees[i] -= take;
                                }
                                case INTEREST -> {
                                    take = Math.min(money, interest[i]);
                                    interest[i] -= take;
                                }
                                default -> {
                                    take = Math.min(money, principal[i]);
                                    principal[i] -= take;
                                    r.principalPaid += take;
                                }
                            }
                            money -= take;
                        }
                    }
                    r.credit += money;
                }
            }

            long overduePrincipal = 0;
            long overdueInterest = 0;
            long overdueFees = 0;
            for (int i = 0; i < n; i++) {
                LocalDate due = schedule.get(i).dueDate();
                if (!due.isBefore(c.asOf())) {
                    continue;
                }
                overduePrincipal += principal[i];
                overdueInterest += interest[i];
                overdueFees += fees[i];
                if (r.oldestUnpaidDueDate == null && principal[i] + interest[i] + fees[i] > 0) {
                    r.oldestUnpaidDueDate = due;
                }
            }
            if (r.oldestUnpaidDueDate != null) {
                long days = ChronoUnit.DAYS.between(r.oldestUnpaidDueDate, c.asOf());
                r.dpd = days > account.graceDays() ? (int) days : 0;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal a : accrued) {
                total = total.add(a);
            }
            r.penaltyAccrued = Math.min(cap, round(total));
            r.overdue = new Overdue(overduePrincipal, overdueInterest, overdueFees,
                    Math.max(0, r.penaltyAccrued - r.penaltyPaid));
            return r;
        }

        private static long round(BigDecimal exact) {
            return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }
}
