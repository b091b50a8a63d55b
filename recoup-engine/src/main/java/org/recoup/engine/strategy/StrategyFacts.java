package org.recoup.engine.strategy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;

import org.recoup.engine.debt.Money;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.RiskClass;
import org.recoup.engine.segmentation.ContactHistory;
import org.recoup.engine.segmentation.PartyProfile;
import org.recoup.engine.segmentation.PaymentHistory;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentTag;
import org.recoup.engine.segmentation.SegmentationFacts;

/**
 * Everything a strategy condition may read about one case on one business date. {@link FactsView} turns it into the
 * flat CEL variables ({@code account.dpd}, {@code segment.tags}, …).
 */
public record StrategyFacts(
        AccountFacts account,
        Segment segment,
        PtpHistory ptp,
        ContactHistory contacts,
        PaymentHistory payments,
        PartyProfile party,
        CalendarFacts calendar) {

    public StrategyFacts {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(ptp, "ptp");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** The facts of a segmented case; {@code nextDueDate} is the next unpaid instalment's due date (null if none). */
    public static StrategyFacts of(Product product, SegmentationFacts facts, Segment segment, LocalDate nextDueDate) {
        DelinquencyState s = facts.state();
        AccountFacts account = new AccountFacts(product, s.dpd(), s.bucket(), s.stage(), s.agingBucket(), s.riskClass(),
                s.overdue().total(), s.outstandingPrincipal(), s.currency());
        return new StrategyFacts(account, segment, facts.ptp(), facts.contacts(), facts.payments(), facts.party(),
                new CalendarFacts(s.asOf(), nextDueDate));
    }

    /** The account's delinquency, amounts in minor units of {@code currency}. */
    public record AccountFacts(Product product, int dpd, String bucket, String stage, AgingBucket agingBucket,
                               RiskClass riskClass, long overdueMinor, long outstandingMinor, Currency currency) {

        public AccountFacts {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(agingBucket, "agingBucket");
            Objects.requireNonNull(riskClass, "riskClass");
            Objects.requireNonNull(currency, "currency");
        }

        /** Overdue total in major units, for readable thresholds ({@code account.overdueTotal > 1000}). */
        public double overdueMajor() {
            return overdueMinor / Math.pow(10, Money.scaleOf(currency));
        }
    }

    /** The business date and the schedule around it. */
    public record CalendarFacts(LocalDate businessDate, LocalDate nextDueDate) {

        public CalendarFacts {
            Objects.requireNonNull(businessDate, "businessDate");
        }

        public int dayOfMonth() {
            return businessDate.getDayOfMonth();
        }

        /** ISO day of week: 1 = Monday … 7 = Sunday. */
        public int dayOfWeek() {
            return businessDate.getDayOfWeek().getValue();
        }

        /** Days to the next due date (0 = due today); null when nothing is scheduled. */
        public Integer daysToNextDue() {
            return nextDueDate == null ? null : (int) ChronoUnit.DAYS.between(businessDate, nextDueDate);
        }

        /** Days to the last day of the month (0 on it). */
        public int daysToMonthEnd() {
            return businessDate.lengthOfMonth() - businessDate.getDayOfMonth();
        }
    }

    boolean lostContact() {
        return segment.has(SegmentTag.LOST_CONTACT);
    }
}
