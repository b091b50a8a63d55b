package org.recoup.app.demo;

import static org.recoup.app.demo.AccountTerms.B2B_RECEIVABLE;
import static org.recoup.app.demo.AccountTerms.CONSUMER_LOAN;
import static org.recoup.app.demo.AccountTerms.CREDIT_CARD;
import static org.recoup.app.demo.AccountTerms.CURRENT;
import static org.recoup.app.demo.AccountTerms.DELINQUENT;
import static org.recoup.app.demo.AccountTerms.PRE_DUE;
import static org.recoup.app.demo.AccountTerms.REPAID;
import static org.recoup.app.demo.DemoTables.CN;
import static org.recoup.app.demo.DemoTables.UK;
import static org.recoup.app.demo.DemoTables.US;
import static org.recoup.app.demo.DemoTables.weighted;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The instalment schedule of a {@link GeneratedAccount}, built per product around the target delinquency drawn in
 * {@link AccountTerms}: the state fixes the due date of the oldest unpaid instalment (the {@link #anchor}); earlier
 * instalments are paid (on the due date, early, late or in two parts, see {@link #timing}), later ones are unpaid.
 *
 * <p>Building a product's schedule also sets the account terms that go with it (principal, open date, penalty rate
 * and cap, grace days).
 */
final class InstalmentSchedule {

    static final byte ON_DUE = 0;
    static final byte EARLY = 1;
    static final byte LATE = 2;
    static final byte SPLIT = 3;

    private static final int MAX_INSTALLMENTS = 40;

    private final LocalDate asOf;
    private final long asOfDay;

    private int periodMonths;
    int installmentCount;
    /** Index of the oldest unpaid instalment (== installmentCount when all are paid). */
    int anchor;
    final LocalDate[] due = new LocalDate[MAX_INSTALLMENTS];
    final long[] principalDue = new long[MAX_INSTALLMENTS];
    final long[] interestDue = new long[MAX_INSTALLMENTS];
    final long[] feeDue = new long[MAX_INSTALLMENTS];
    /** How each paid instalment (before the anchor) was paid: {@link #ON_DUE}, {@link #EARLY}, {@link #LATE}, {@link #SPLIT}. */
    final byte[] timing = new byte[MAX_INSTALLMENTS];
    /** Days early or late (for a split payment: of the second part). */
    final int[] timingDays = new int[MAX_INSTALLMENTS];
    /** Share of the first part of a split payment, in percent. */
    final int[] splitPercent = new int[MAX_INSTALLMENTS];

    InstalmentSchedule(LocalDate asOf) {
        this.asOf = asOf;
        this.asOfDay = asOf.toEpochDay();
    }

    /** The schedule of {@code terms}' product and target state, drawn from the account's core stream. */
    void build(SplittableRandom r, AccountTerms terms) {
        switch (terms.product) {
            case CONSUMER_LOAN -> consumerLoan(r, terms);
            case CREDIT_CARD -> creditCard(r, terms);
            case B2B_RECEIVABLE -> receivable(r, terms);
            default -> propertyFee(r, terms);
        }
    }

    /** Due date of the anchor instalment for the drawn state; {@code maxAhead} bounds a current account's next due. */
    private LocalDate anchorDate(SplittableRandom r, AccountTerms terms, int maxAhead) {
        return switch (terms.state) {
            case DELINQUENT -> asOf.minusDays(terms.plannedDpd);
            case PRE_DUE -> asOf.plusDays(1);
            case CURRENT -> asOf.plusDays(r.nextInt(100) < 15 ? 0 : 2 + r.nextInt(maxAhead - 1));
            default -> asOf.minusDays(1 + r.nextInt(365));
        };
    }

    /** Fills due dates around the anchor: instalment {@code at} falls due on {@code date}. */
    private void dates(int n, int at, LocalDate date) {
        installmentCount = n;
        for (int j = 0; j < n; j++) {
            due[j] = date.plusMonths((long) (j - at) * periodMonths);
        }
    }

    private void consumerLoan(SplittableRandom r, AccountTerms terms) {
        int jurisdiction = terms.jurisdiction;
        periodMonths = 1;
        long units = amount(r, jurisdiction == CN ? 3_000 : jurisdiction == US ? 1_000 : 500,
                jurisdiction == CN ? 200_000 : jurisdiction == US ? 40_000 : 25_000,
                jurisdiction == CN ? 1_000 : jurisdiction == US ? 500 : 250);
        long principal = units * 100;
        terms.principal = principal;
        int rateBp = 720 + r.nextInt(1681);
        terms.graceDays = new int[] {0, 0, 0, 3, 3, 5}[r.nextInt(6)];
        terms.penaltyPerTenThousand = 5;
        terms.penaltyCap = Math.max(10_000, principal / 6 / 10_000 * 10_000);
        int n = 12;
        int k = switch (terms.state) {
            case REPAID -> n;
            case DELINQUENT -> r.nextInt(100) < 12 ? 0 : 1 + r.nextInt(11);
            default -> r.nextInt(n);
        };
        anchor = k;
        dates(n, Math.min(k, n - 1), anchorDate(r, terms, 27));
        terms.openDate = due[0].minusMonths(1);
        drawTiming(r, new int[] {45, 25, 20, 10});
        long base = principal / n;
        long remaining = principal;
        for (int j = 0; j < n; j++) {
            long p = j == n - 1 ? remaining : base;
            principalDue[j] = p;
            interestDue[j] = (remaining * rateBp + 60_000) / 120_000;
            feeDue[j] = 0;
            remaining -= p;
        }
    }

    private void creditCard(SplittableRandom r, AccountTerms terms) {
        int jurisdiction = terms.jurisdiction;
        periodMonths = 1;
        long units = amount(r, jurisdiction == CN ? 2_000 : jurisdiction == US ? 500 : 300,
                jurisdiction == CN ? 80_000 : jurisdiction == US ? 15_000 : 10_000,
                jurisdiction == CN ? 100 : 50);
        long principal = units * 100;
        terms.principal = principal;
        terms.graceDays = new int[] {0, 0, 0, 3}[r.nextInt(4)];
        terms.penaltyPerTenThousand = 0;
        terms.penaltyCap = -1;
        int minPercent = 5 + r.nextInt(6);
        long annualFee = switch (jurisdiction) {
            case CN -> r.nextInt(100) < 40 ? 20_000 : 0;
            case US -> r.nextInt(100) < 30 ? 9_500 : 0;
            default -> 0;
        };
        long lateFee = jurisdiction == CN ? 5_000 : jurisdiction == US ? 2_900 : 1_200;
        int k;
        int n;
        if (terms.state == REPAID) {
            n = 3 + r.nextInt(16);
            k = n;
            anchor = n;
            dates(n, n - 1, anchorDate(r, terms, 27));
        } else {
            k = terms.state == DELINQUENT ? (r.nextInt(100) < 8 ? 0 : 1 + r.nextInt(18)) : r.nextInt(19);
            LocalDate a = anchorDate(r, terms, 27);
            long horizon = asOfDay + 25;
            n = k + 1;
            // statements keep coming monthly after a missed one until charge-off (six more at most)
            while (n < k + 7 && a.plusMonths(n - k).toEpochDay() <= horizon) {
                n++;
            }
            anchor = k;
            dates(n, k, a);
        }
        terms.openDate = due[0].minusMonths(1).minusDays(20);
        drawTiming(r, new int[] {50, 20, 20, 10});
        long minimum = principal * minPercent / 100 / 100 * 100;
        for (int j = 0; j < n; j++) {
            principalDue[j] = minimum;
            interestDue[j] = principal * 15 * (60 + r.nextInt(41)) / 100_000;
            long fees = annualFee > 0 && j % 12 == 0 ? annualFee : 0;
            if (j > k || (j > 0 && j <= k && timing[j - 1] == LATE)) {
                fees += lateFee;
            }
            feeDue[j] = fees;
        }
    }

    private void receivable(SplittableRandom r, AccountTerms terms) {
        int jurisdiction = terms.jurisdiction;
        periodMonths = 1;
        int paymentTerms = new int[] {30, 45, 60}[r.nextInt(3)];
        terms.graceDays = new int[] {0, 15, 30, 30}[r.nextInt(4)];
        terms.penaltyPerTenThousand = 0;
        terms.penaltyCap = -1;
        long baseUnits = amount(r, jurisdiction == CN ? 5_000 : jurisdiction == US ? 2_000 : 1_500,
                jurisdiction == CN ? 300_000 : jurisdiction == US ? 120_000 : 90_000, 100);
        int k;
        int n;
        if (terms.state == REPAID) {
            n = 1 + r.nextInt(5);
            k = n;
            anchor = n;
            dates(n, n - 1, anchorDate(r, terms, 27));
        } else {
            k = terms.state == DELINQUENT ? r.nextInt(4) : r.nextInt(5);
            LocalDate a = anchorDate(r, terms, 27);
            long horizon = asOfDay + paymentTerms; // invoices issued by asOf
            n = k + 1;
            while (n < k + 3 && a.plusMonths(n - k).toEpochDay() <= horizon) {
                n++;
            }
            anchor = k;
            dates(n, k, a);
        }
        terms.openDate = due[0].minusDays(paymentTerms);
        drawTiming(r, new int[] {25, 15, 45, 15});
        long principal = 0;
        for (int j = 0; j < n; j++) {
            long invoice = baseUnits * (70 + r.nextInt(61)) + r.nextInt(100);
            principalDue[j] = invoice;
            interestDue[j] = 0;
            feeDue[j] = 0;
            principal += invoice;
        }
        terms.principal = principal;
    }

    private void propertyFee(SplittableRandom r, AccountTerms terms) {
        int jurisdiction = terms.jurisdiction;
        boolean quarterly = jurisdiction == UK ? r.nextInt(100) < 80 : r.nextInt(100) < 25;
        periodMonths = quarterly ? 3 : 1;
        int n = quarterly ? 4 : 12;
        long monthly = switch (jurisdiction) {
            case CN -> (long) (60 + r.nextInt(121)) * (150 + r.nextInt(451)); // m² × fen per m² per month
            case US -> (150 + r.nextInt(451)) * 100L;
            default -> (100 + r.nextInt(401)) * 100L;
        };
        long fee = monthly * periodMonths;
        terms.principal = fee * n;
        terms.graceDays = 0;
        terms.penaltyPerTenThousand = 10;
        terms.penaltyCap = -1;
        int k = switch (terms.state) {
            case REPAID -> n;
            default -> r.nextInt(n);
        };
        anchor = k;
        dates(n, Math.min(k, n - 1), anchorDate(r, terms, quarterly ? 80 : 27));
        terms.openDate = due[0].minusMonths(periodMonths);
        drawTiming(r, new int[] {45, 25, 20, 10});
        for (int j = 0; j < n; j++) {
            principalDue[j] = fee;
            interestDue[j] = 0;
            feeDue[j] = 0;
        }
    }

    /** How each paid instalment was paid: on the due date, early, late or in two parts. */
    private void drawTiming(SplittableRandom r, int[] weights) {
        for (int j = 0; j < anchor; j++) {
            byte t = (byte) weighted(r, weights);
            timing[j] = t;
            timingDays[j] = switch (t) {
                case EARLY -> 1 + r.nextInt(5);
                case LATE -> 1 + r.nextInt(20);
                case SPLIT -> r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(20);
                default -> 0;
            };
            splitPercent[j] = t == SPLIT ? 30 + r.nextInt(41) : 0;
        }
    }

    /** A log-uniform amount in whole currency units between lo and hi, rounded to {@code step}. */
    private static long amount(SplittableRandom r, long lo, long hi, long step) {
        double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Math.max(lo, Math.round(v / step) * step);
    }

    // ------------------------------------------------------------------------------------------------------ writing

    void write(CsvSink s, String accountId) throws IOException {
        for (int j = 0; j < installmentCount; j++) {
            s.raw(accountId).integer(j + 1).date(due[j]).money(principalDue[j]).money(interestDue[j]).money(feeDue[j]);
            s.endRow();
        }
    }
}
