package org.recoup.engine.delinquency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Payment;

/**
 * An account's delinquency as of a business date (contract §3): allocates the payments, accrues penalty interest and
 * derives dpd, bucket, stage, receivable aging and risk class. Pure and deterministic: no clock, no I/O; the inputs
 * may come in any order and are not modified.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Amounts</b> are long minor units of the account's currency.</li>
 * <li><b>Value date.</b> A payment's value date is {@code paidAt} in {@link Account#zone()}
 *     ({@code paidAt.atZone(zone).toLocalDate()}); payments with a value date after {@code asOf} are ignored.</li>
 * <li><b>Allocation.</b> Payments are applied in value-date order (ties by {@code paidAt}, then id) to instalments
 *     oldest due date first (ties by seq); within an instalment in {@link DelinquencyPolicy#waterfall()} order
 *     (default penalty → fees → interest → principal). A payment goes on to instalments not yet due (prepayment,
 *     oldest first); what is left once every instalment is fully paid is {@code unappliedCredit}.</li>
 * <li><b>Overdue days.</b> The account is overdue on day {@code d} when {@code d − due} exceeds the grace days, where
 *     {@code due} is the due date of the oldest instalment not fully paid (principal+interest+fees) at the start of
 *     {@code d}.</li>
 * <li><b>Penalty.</b> For each instalment and each day {@code d} with {@code dueDate < d ≤ asOf} on which the account
 *     was overdue, {@code penaltyRatePerDay × (principal+interest of that instalment unpaid at the start of d)}
 *     accrues. Balances are those at the start of the day: a payment on day {@code d} lowers the penalty base from
 *     {@code d + 1} (and counts for the dpd reported as of {@code d}). Accrual is exact; the account total is capped
 *     at {@code penaltyCap} and rounded half-even to a whole minor unit at the end ({@code penaltyAccrued}).
 *     No penalty when the rate is null or zero.</li>
 * <li><b>Paying penalty.</b> When a payment on day {@code d} reaches the penalty step of instalment {@code i}, it
 *     pays the penalty accrued up to and including day {@code d} on instalments up to {@code i} and not yet paid:
 *     {@code min(cap, round_half_even(accrued on instalments ≤ i)) − penalty paid so far}. Rounding the running
 *     total (instead of each instalment on its own) means the penalty payable on all instalments together is exactly
 *     the account's rounded, capped accrual, so paying the quoted overdue total always clears the arrears. For an
 *     account with one overdue instalment it is simply that instalment's rounded penalty.</li>
 * <li><b>dpd</b> = {@code asOf − dueDate} of the oldest instalment with {@code dueDate < asOf} not fully paid
 *     (penalty excluded) when that exceeds the grace days, else 0: a payment on the due date keeps the account
 *     current, within grace dpd is 0, after grace it counts from the due date.</li>
 * <li><b>Bucket</b> = {@link DelinquencyPolicy#bucketOf}; <b>stage</b> = {@link DelinquencyPolicy#preDueStage()} when
 *     dpd is 0 and an instalment not fully paid falls due within {@code (asOf, asOf + preDueDays]}, else
 *     {@link DelinquencyPolicy#stageOf}.</li>
 * <li><b>Aging</b>: {@link AgingBucket#CURRENT} when dpd is 0, else by whole years from the oldest unpaid overdue
 *     due date to {@code asOf} (0 → Y0_1, 1 → Y1_2, …, 5 or more → Y5_PLUS).</li>
 * <li><b>Risk class</b>: DEAD when dpd &gt; 0 and nobody is liable any more or the debt is time-barred
 *     ({@code asOf ≥} the later of the oldest unpaid overdue due date and the last payment's value date, plus
 *     {@link DelinquencyPolicy#limitationYears()}); else NOT_DUE (dpd 0), OVERDUE (below
 *     {@code doubtfulFromDpd}), DOUBTFUL (below {@code badFromDpd}), BAD.</li>
 * <li><b>Overdue</b> principal/interest/fees are the unpaid parts of instalments with {@code dueDate < asOf}
 *     (grace or not); overdue penalty = {@code penaltyAccrued − penalty paid}. {@code outstandingPrincipal =
 *     max(0, account principal − principal paid)}.</li>
 * </ul>
 *
 * <h2>How</h2>
 * No loop over days: the calculation sweeps over events (payment value dates and {@code asOf}). Between two events
 * balances and the oldest unpaid instalment are fixed, so an instalment accrues on the days at or after
 * {@code max(its due date + 1, oldest unpaid due date + grace + 1)}; the sweep adds {@code balance × days} to a long per
 * instalment and multiplies by the rate only when a penalty is paid and once at the end (exact long arithmetic;
 * BigDecimal only when the rate has more than 18 digits or a product would overflow). Sorting happens only when the
 * inputs are not already in order. Accrual sums beyond {@code Long.MAX_VALUE} minor-unit-days throw
 * {@link ArithmeticException}.
 */
public final class DelinquencyCalculator {

    private static final long[] POW10 = {
            1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
            10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
            1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private static final long SECONDS_PER_DAY = 86_400L;

    private static final AgingBucket[] AGING = AgingBucket.values();

    private final DelinquencyPolicy policy;

    /** A calculator bound to one policy; equivalent to the static {@link #assess(Account, List, List, LocalDate, DelinquencyPolicy)}. */
    public DelinquencyCalculator(DelinquencyPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public DelinquencyPolicy policy() {
        return policy;
    }

    public DelinquencyState assess(Account account, List<Installment> installments, List<Payment> payments, LocalDate asOf) {
        return assess(account, installments, payments, asOf, policy);
    }

    /** The account's delinquency as of {@code asOf} under {@code policy}; see the class documentation for the rules. */
    public static DelinquencyState assess(Account account, List<Installment> installments, List<Payment> payments,
                                          LocalDate asOf, DelinquencyPolicy policy) {
        return new Sweep(account, installments, payments, asOf, policy).run().state();
    }

    /** Like {@link #assess(Account, List, List, LocalDate, DelinquencyPolicy)}, with where the money went. */
    public static Assessment assessWithAllocation(Account account, List<Installment> installments, List<Payment> payments,
                                                  LocalDate asOf, DelinquencyPolicy policy) {
        Sweep sweep = new Sweep(account, installments, payments, asOf, policy).run();
        return new Assessment(sweep.state(), sweep.received, sweep.penaltyPaid, sweep.feesPaid, sweep.interestPaid,
                sweep.principalPaid);
    }

    /**
     * A state plus the totals of the allocation behind it (payments with a value date up to {@code asOf}). Money is
     * conserved: {@code received = penaltyPaid + feesPaid + interestPaid + principalPaid + state.unappliedCredit()}.
     */
    public record Assessment(DelinquencyState state, long received, long penaltyPaid, long feesPaid, long interestPaid,
                             long principalPaid) {
    }

    /** One calculation's scratch state: instalments as parallel arrays sorted by (due date, seq). */
    private static final class Sweep {

        private final Account account;
        private final LocalDate asOf;
        private final long asOfDay;
        private final DelinquencyPolicy policy;
        private final List<AllocationComponent> waterfall;
        private final int grace;

        // instalments, oldest first; remaining amounts
        private final int n;
        private final long[] due;
        private final long[] principal;
        private final long[] interest;
        private final long[] fees;

        // payments with value date <= asOf, in allocation order
        private final int m;
        private final long[] payDay;
        private final long[] payAmount;

        // penalty: rate = rateUnscaled / rateDivisor when exact, else BigDecimal arithmetic
        private final boolean accruing;
        private final BigDecimal rate;
        private final boolean rateInLong;
        private final long rateUnscaled;
        private final long rateDivisor;
        private final long cap;
        /** balance × days accrued per instalment (minor-unit-days). */
        private final long[] weight;
        private long accruedThrough;

        /** First instalment that may still take money (not fully paid, or penalty payable). */
        private int open;
        /** Σ weight of the instalments before {@link #open}: they are settled and accrue no more. */
        private long settledWeight;
        /** First instalment whose principal+interest+fees is not fully paid. */
        private int unpaid;

        long received;
        long penaltyPaid;
        long feesPaid;
        long interestPaid;
        long principalPaid;
        long credit;

        Sweep(Account account, List<Installment> installments, List<Payment> payments, LocalDate asOf,
              DelinquencyPolicy policy) {
            this.account = Objects.requireNonNull(account, "account");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            this.policy = Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(installments, "installments");
            Objects.requireNonNull(payments, "payments");
            this.asOfDay = asOf.toEpochDay();
            this.waterfall = policy.waterfall();
            this.grace = account.graceDays();

            n = installments.size();
            due = new long[n];
            principal = new long[n];
            interest = new long[n];
            fees = new long[n];
            if (!readSchedule(installments)) {
                readSchedule(sortedCopy(installments)); // schedules usually come in order; sort only when not
            }

            // value dates; payments usually arrive in order, so sort (a copy) only when they do not
            int all = payments.size();
            payDay = new long[all];
            payAmount = new long[all];
            ZoneRules rules = account.zone().getRules();
            boolean sorted = true;
            for (int k = 0; k < all; k++) {
                Payment payment = payments.get(k);
                payDay[k] = valueDay(payment, rules);
                payAmount[k] = payment.amount();
                if (k > 0 && sorted && compare(payments.get(k - 1), payDay[k - 1], payment, payDay[k]) > 0) {
                    sorted = false;
                }
            }
            if (!sorted) {
                Payment[] ordered = payments.toArray(new Payment[0]);
                sortPayments(ordered, payDay);
                for (int k = 0; k < all; k++) {
                    payAmount[k] = ordered[k].amount();
                }
            }
            int count = 0;
            while (count < all && payDay[count] <= asOfDay) {
                count++; // in value-date order, the payments up to asOf come first
            }
            m = count;

            BigDecimal r = account.penaltyRatePerDay();
            accruing = r != null && r.signum() > 0 && n > 0;
            rate = r;
            if (accruing && r.scale() >= 0 && r.scale() < POW10.length && r.precision() <= 18) {
                rateInLong = true;
                rateUnscaled = r.unscaledValue().longValue();
                rateDivisor = POW10[r.scale()];
            } else {
                rateInLong = false;
                rateUnscaled = 0;
                rateDivisor = 1;
            }
            cap = account.penaltyCap() == null ? Long.MAX_VALUE : account.penaltyCap();
            weight = accruing ? new long[n] : null;
            accruedThrough = n > 0 ? due[0] : 0; // nothing accrues on or before the first due date
        }

        /** Reads the schedule into the arrays; false if it was not in (due date, seq) order. */
        private boolean readSchedule(List<Installment> schedule) {
            long previousDue = Long.MIN_VALUE;
            int previousSeq = Integer.MIN_VALUE;
            boolean ordered = true;
            for (int i = 0; i < n; i++) {
                Installment installment = schedule.get(i);
                long day = installment.dueDate().toEpochDay();
                ordered &= day > previousDue || (day == previousDue && installment.seq() >= previousSeq);
                previousDue = day;
                previousSeq = installment.seq();
                due[i] = day;
                principal[i] = installment.principal();
                interest[i] = installment.interest();
                fees[i] = installment.fees();
            }
            return ordered;
        }

        Sweep run() {
            for (int k = 0; k < m; k++) {
                long day = payDay[k];
                if (accruing) {
                    accrueThrough(day);
                }
                allocate(payAmount[k]);
            }
            if (accruing) {
                accrueThrough(asOfDay);
            }
            return this;
        }

        /** Adds the penalty weight of the days {@code (accruedThrough, day]}, all of which start with today's balances. */
        private void accrueThrough(long day) {
            if (day <= accruedThrough) {
                return;
            }
            advanceUnpaid();
            if (unpaid < n) {
                long from = Math.max(accruedThrough + 1, due[unpaid] + grace + 1);
                if (from <= day) {
                    for (int i = unpaid; i < n; i++) {
                        long first = Math.max(from, due[i] + 1);
                        if (first > day) {
                            break; // due dates are sorted: later instalments are not past due either
                        }
                        long balance = principal[i] + interest[i];
                        if (balance > 0) {
                            weight[i] = Math.addExact(weight[i], Math.multiplyExact(balance, day - first + 1));
                        }
                    }
                }
            }
            accruedThrough = day;
        }

        private void allocate(long amount) {
            received += amount;
            long money = amount;
            while (open < n) {
                int i = open;
                for (int c = 0; c < 4 && money > 0; c++) {
                    long take;
                    switch (waterfall.get(c)) {
                        case PENALTY -> {
                            take = Math.min(money, penaltyPayable(settledWeight + (accruing ? weight[i] : 0)));
                            penaltyPaid += take;
                        }
                        case FEES -> {
                            take = Math.min(money, fees[i]);
                            fees[i] -= take;
                            feesPaid += take;
                        }
                        case INTEREST -> {
                            take = Math.min(money, interest[i]);
                            interest[i] -= take;
                            interestPaid += take;
                        }
                        case PRINCIPAL -> {
                            take = Math.min(money, principal[i]);
                            principal[i] -= take;
                            principalPaid += take;
                        }
                        default -> throw new IllegalStateException();
                    }
                    money -= take;
                }
                if (money == 0) {
                    return; // instalment i may still owe something: the next payment starts here again
                }
                // money left over: every component of i was paid in full, so i is settled for good
                if (accruing) {
                    settledWeight += weight[i];
                }
                open++;
            }
            credit += money;
        }

        /** Penalty accrued so far on the instalments up to the current one and not yet paid. */
        private long penaltyPayable(long accruedWeight) {
            if (!accruing || accruedWeight == 0) {
                return 0;
            }
            return Math.max(0, Math.min(cap, penaltyOf(accruedWeight)) - penaltyPaid);
        }

        /** {@code rate × weight} rounded half-even to a whole minor unit. */
        private long penaltyOf(long w) {
            if (rateInLong) {
                long high = Math.multiplyHigh(w, rateUnscaled);
                long low = w * rateUnscaled;
                if (high == 0 && low >= 0) {
                    long quotient = low / rateDivisor;
                    long remainder = low - quotient * rateDivisor;
                    long toNext = rateDivisor - remainder;
                    if (remainder > toNext || (remainder == toNext && (quotient & 1) == 1)) {
                        quotient++;
                    }
                    return quotient;
                }
            }
            return rate.multiply(BigDecimal.valueOf(w)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }

        private void advanceUnpaid() {
            while (unpaid < n && principal[unpaid] + interest[unpaid] + fees[unpaid] == 0) {
                unpaid++;
            }
        }

        DelinquencyState state() {
            advanceUnpaid();
            boolean anyOverdue = unpaid < n && due[unpaid] < asOfDay;
            long oldestDue = anyOverdue ? due[unpaid] : 0;
            int dpd = anyOverdue && asOfDay - oldestDue > grace ? Math.toIntExact(asOfDay - oldestDue) : 0;

            long overduePrincipal = 0;
            long overdueInterest = 0;
            long overdueFees = 0;
            for (int i = unpaid; i < n && due[i] < asOfDay; i++) {
                overduePrincipal += principal[i];
                overdueInterest += interest[i];
                overdueFees += fees[i];
            }

            long accrued = 0;
            if (accruing) {
                long total = 0;
                for (int i = 0; i < n; i++) {
                    total = Math.addExact(total, weight[i]);
                }
                accrued = total == 0 ? 0 : Math.min(cap, penaltyOf(total));
            }
            long overduePenalty = Math.max(0, accrued - penaltyPaid);

            String stage = dpd == 0 && fallsDueSoon() ? policy.preDueStage() : policy.stageOf(dpd);
            LocalDate oldestUnpaidDueDate = anyOverdue ? LocalDate.ofEpochDay(oldestDue) : null;
            AgingBucket aging = AgingBucket.CURRENT;
            RiskClass risk = RiskClass.NOT_DUE;
            if (dpd > 0) {
                long years = ChronoUnit.YEARS.between(oldestUnpaidDueDate, asOf);
                aging = AGING[(int) Math.min(years, AGING.length - 2) + 1];
                risk = riskClass(dpd, oldestDue);
            }

            return new DelinquencyState(
                    account.id(),
                    asOf,
                    account.currency(),
                    dpd,
                    policy.bucketOf(dpd),
                    stage,
                    aging,
                    risk,
                    new Overdue(overduePrincipal, overdueInterest, overdueFees, overduePenalty),
                    Math.max(0, account.principal() - principalPaid),
                    accrued,
                    credit,
                    oldestUnpaidDueDate,
                    policy.version());
        }

        private boolean fallsDueSoon() {
            long horizon = asOfDay + policy.preDueDays();
            for (int i = unpaid; i < n && due[i] <= horizon; i++) {
                if (due[i] > asOfDay && principal[i] + interest[i] + fees[i] > 0) {
                    return true;
                }
            }
            return false;
        }

        private RiskClass riskClass(int dpd, long oldestDue) {
            long since = m > 0 ? Math.max(oldestDue, payDay[m - 1]) : oldestDue;
            boolean timeBarred = !asOf.isBefore(LocalDate.ofEpochDay(since).plusYears(policy.limitationYears()));
            if (timeBarred || account.liability().nobodyLiable()) {
                return RiskClass.DEAD;
            }
            if (dpd < policy.doubtfulFromDpd()) {
                return RiskClass.OVERDUE;
            }
            return dpd < policy.badFromDpd() ? RiskClass.DOUBTFUL : RiskClass.BAD;
        }
    }

    private static long valueDay(Payment payment, ZoneRules rules) {
        int offset = rules.getOffset(payment.paidAt()).getTotalSeconds();
        return Math.floorDiv(payment.paidAt().getEpochSecond() + offset, SECONDS_PER_DAY);
    }

    /** A copy of the instalments sorted by (due date, seq); insertion sort, as schedules are short. */
    private static List<Installment> sortedCopy(List<Installment> installments) {
        Installment[] a = installments.toArray(new Installment[0]);
        for (int j = 1; j < a.length; j++) {
            Installment x = a[j];
            int k = j - 1;
            while (k >= 0 && compare(a[k], x) > 0) {
                a[k + 1] = a[k];
                k--;
            }
            a[k + 1] = x;
        }
        return Arrays.asList(a);
    }

    private static int compare(Installment a, Installment b) {
        int byDue = a.dueDate().compareTo(b.dueDate());
        return byDue != 0 ? byDue : Integer.compare(a.seq(), b.seq());
    }

    /** Insertion sort of the payments by (value date, paidAt, id), keeping the days alongside. */
    private static void sortPayments(Payment[] a, long[] day) {
        for (int i = 1; i < a.length; i++) {
            Payment x = a[i];
            long xDay = day[i];
            int j = i - 1;
            while (j >= 0 && compare(a[j], day[j], x, xDay) > 0) {
                a[j + 1] = a[j];
                day[j + 1] = day[j];
                j--;
            }
            a[j + 1] = x;
            day[j + 1] = xDay;
        }
    }

    private static int compare(Payment a, long aDay, Payment b, long bDay) {
        if (aDay != bDay) {
            return Long.compare(aDay, bDay);
        }
        int byTime = a.paidAt().compareTo(b.paidAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    }
}
