package org.recoup.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Jurisdiction;
import org.recoup.engine.debt.Liability;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;

/**
 * Throughput of {@link DelinquencyCalculator#assess}: one operation = one account assessed (ops/s = accounts/s).
 * <p>
 * A fixed portfolio of 4096 consumer loans, each with 12 monthly instalments, 3 payments and a penalty rate (half of
 * them capped), assessed as of 2026-11-23. The payment behaviour is mixed: about 40% paid ahead and current, 30% a few
 * months behind, 30% deeply delinquent after small partial payments. Generated from a fixed seed.
 * <pre>
 * ./mvnw -q -DskipTests install
 * java -cp recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt) org.openjdk.jmh.Main AssessBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class AssessBenchmark {

    private static final int ACCOUNTS = 4096; // a power of two: the index wraps with a mask
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DelinquencyPolicy policy = DelinquencyPolicy.defaults();
    private Account[] accounts;
    private List<List<Installment>> schedules;
    private List<List<Payment>> payments;
    private int next;

    @Setup
    public void generatePortfolio() {
        SplittableRandom random = new SplittableRandom(20261123L);
        accounts = new Account[ACCOUNTS];
        schedules = new ArrayList<>(ACCOUNTS);
        payments = new ArrayList<>(ACCOUNTS);
        for (int a = 0; a < ACCOUNTS; a++) {
            LocalDate opened = LocalDate.of(2025, 11, 1).plusDays(random.nextInt(90));
            long principal = 100_000L * (1 + random.nextInt(20)); // 1,000.00 .. 20,000.00
            List<Installment> schedule = new ArrayList<>(12);
            long remaining = principal;
            long[] due = new long[12];
            for (int k = 0; k < 12; k++) {
                long principalDue = k == 11 ? remaining : principal / 12;
                long interestDue = remaining / 100; // 1% a month on the balance
                long feesDue = random.nextInt(10) == 0 ? 1_500 : 0;
                schedule.add(new Installment(k + 1, opened.plusMonths(k + 1), principalDue, interestDue, feesDue));
                due[k] = principalDue + interestDue + feesDue;
                remaining -= principalDue;
            }

            int behaviour = random.nextInt(10);
            List<Payment> paid = new ArrayList<>(3);
            for (int p = 0; p < 3; p++) {
                int instalment = behaviour < 4 ? p * 4 : behaviour < 7 ? p * 3 : p;
                long amount = behaviour < 4 ? due[instalment] * 4 + due[instalment] / 10 // lump sums, paid ahead
                        : behaviour < 7 ? due[instalment] * 3 // three instalments at a time, late
                        : due[instalment] / 2; // partial payments
                LocalDate day = schedule.get(instalment).dueDate().plusDays(behaviour < 4 ? 0 : random.nextInt(40));
                paid.add(new Payment("PAY-" + a + "-" + p, day.atTime(LocalTime.of(9 + random.nextInt(12), 0))
                        .atZone(ZONE).toInstant(), amount, PaymentChannel.BANK_TRANSFER));
            }

            BigDecimal rate = random.nextBoolean() ? new BigDecimal("0.0005") : new BigDecimal("0.001");
            Long cap = random.nextBoolean() ? principal / 10 : null;
            accounts[a] = new Account("L-" + a, Product.CONSUMER_LOAN, Currency.getInstance("CNY"), principal, opened,
                    rate, cap, random.nextInt(4), Jurisdiction.CN, ZONE, Liability.ORDINARY);
            schedules.add(List.copyOf(schedule));
            payments.add(List.copyOf(paid));
        }
    }

    @Benchmark
    public DelinquencyState assess() {
        int i = next++ & (ACCOUNTS - 1);
        return DelinquencyCalculator.assess(accounts[i], schedules.get(i), payments.get(i), AS_OF, policy);
    }
}
