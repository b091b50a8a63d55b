package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.B2B_RECEIVABLE;
import static org.recoup.app.demo.AccountTerms.DELINQUENT;
import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.DemoTables.weighted;
import static org.recoup.app.demo.InstalmentSchedule.EARLY;
import static org.recoup.app.demo.InstalmentSchedule.LATE;
import static org.recoup.app.demo.InstalmentSchedule.SPLIT;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The payments of a {@link GeneratedAccount} that produce its planned delinquency: every instalment before the
 * {@link InstalmentSchedule#anchor} is paid as its timing says, and a delinquent anchor is sometimes partly paid
 * (30–70%). Late payments add an upper estimate of the penalty accrued meanwhile, so the instalment counts as paid
 * whichever order the allocation waterfall uses within an instalment. Every payment is dated before {@code asOf},
 * between 09:00 and 20:00 (US: 16:00) in the borrower's zone, so its local date is the same in the borrower's zone,
 * the jurisdiction's zone and UTC.
 */
final class PaymentHistory {

    private static final int MAX_PAYMENTS = 100;

    private final AccountTerms terms;
    private final InstalmentSchedule schedule;
    private final long asOfDay;

    int paymentCount;
    private final long[] payDay = new long[MAX_PAYMENTS];
    private final int[] paySecond = new int[MAX_PAYMENTS];
    private final long[] payAmount = new long[MAX_PAYMENTS];
    private final int[] payChannel = new int[MAX_PAYMENTS];
    private final int[] payReference = new int[MAX_PAYMENTS];

    PaymentHistory(AccountTerms terms, InstalmentSchedule schedule, LocalDate asOf) {
        this.terms = terms;
        this.schedule = schedule;
        this.asOfDay = asOf.toEpochDay();
    }

    void clear() {
        paymentCount = 0;
    }

    /** Payments that produce the planned delinquency, drawn from the account's payments stream. */
    void draw(SplittableRandom r) {
        paymentCount = 0;
        InstalmentSchedule sc = schedule;
        int anchor = sc.anchor;
        int[] weights = terms.jurisdiction == CN ? DemoTables.CN_CHANNEL_WEIGHTS : DemoTables.WEST_CHANNEL_WEIGHTS;
        int primary = terms.product == B2B_RECEIVABLE && r.nextInt(100) < 90 ? 2 : weighted(r, weights);
        int hours = terms.jurisdiction == US ? 7 : 11;
        for (int j = 0; j < anchor; j++) {
            long amount = sc.principalDue[j] + sc.interestDue[j] + sc.feeDue[j];
            long d = sc.due[j].toEpochDay();
            long latest = Math.min(asOfDay - 1,
                    j + 1 < sc.installmentCount ? sc.due[j + 1].toEpochDay() - 6 : asOfDay - 1);
            switch (sc.timing[j]) {
                case EARLY -> addPayment(r, d - sc.timingDays[j], amount, primary, weights, hours);
                case LATE -> {
                    long paid = Math.max(d, Math.min(d + sc.timingDays[j], latest));
                    addPayment(r, paid, amount + penaltyEstimate(j, paid - d), primary, weights, hours);
                }
                case SPLIT -> {
                    long first = amount * sc.splitPercent[j] / 100;
                    addPayment(r, d - r.nextInt(3), first, primary, weights, hours);
                    long paid = Math.max(d, Math.min(d + sc.timingDays[j], latest));
                    addPayment(r, paid, amount - first + penaltyEstimate(j, paid - d), primary, weights, hours);
                }
                default -> addPayment(r, d, amount, primary, weights, hours);
            }
        }
        if (terms.state == DELINQUENT && anchor < sc.installmentCount && r.nextInt(100) < 35) {
            long owed = sc.principalDue[anchor] + sc.interestDue[anchor] + sc.feeDue[anchor];
            long total = owed * (30 + r.nextInt(41)) / 100;
            long from = sc.due[anchor].toEpochDay();
            long span = asOfDay - 1 - from;
            if (total > 0 && span >= 0) {
                long first = from + r.nextLong(span + 1);
                if (r.nextInt(100) < 25 && total >= 2) {
                    long part = total * (30 + r.nextInt(41)) / 100;
                    long second = first + r.nextLong(asOfDay - first);
                    addPayment(r, first, part, primary, weights, hours);
                    addPayment(r, second, total - part, primary, weights, hours);
                } else {
                    addPayment(r, first, total, primary, weights, hours);
                }
            }
        }
    }

    /** The value date (epoch day) of the latest payment; far in the past when there is none. */
    long lastPaymentDay() {
        long last = Long.MIN_VALUE / 4;
        for (int i = 0; i < paymentCount; i++) {
            last = Math.max(last, payDay[i]);
        }
        return last;
    }

    /** An upper bound of the penalty instalment j accrues over {@code days} days late (contract §3). */
    private long penaltyEstimate(int j, long days) {
        if (terms.penaltyPerTenThousand == 0 || days <= 0) {
            return 0;
        }
        long base = schedule.principalDue[j] + schedule.interestDue[j];
        return (base * terms.penaltyPerTenThousand * days + 9_999) / 10_000 + 1;
    }

    private void addPayment(SplittableRandom r, long day, long amount, int primary, int[] weights, int hours) {
        int i = paymentCount++;
        payDay[i] = day;
        paySecond[i] = (9 + r.nextInt(hours)) * 3600 + r.nextInt(3600);
        payAmount[i] = amount;
        payChannel[i] = r.nextInt(100) < 80 ? primary : weighted(r, weights);
        payReference[i] = 100_000 + r.nextInt(99_900_000);
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void write(CsvSink s, String num, String accountId) throws IOException {
        String zone = terms.region.zone();
        for (int i = 0; i < paymentCount; i++) {
            LocalDate day = LocalDate.ofEpochDay(payDay[i]);
            s.id("PAY-", num, i + 1, true).raw(accountId)
                    .instant(day, paySecond[i], GeneratedAccount.offsetId(zone, day, paySecond[i]))
                    .money(payAmount[i]).raw(DemoTables.PAYMENT_CHANNELS[payChannel[i]])
                    .prefixed(DemoTables.REFERENCE_PREFIX[payChannel[i]], payReference[i]);
            s.endRow();
        }
    }
}
