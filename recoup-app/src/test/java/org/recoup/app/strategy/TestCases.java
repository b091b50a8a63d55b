package org.recoup.app.strategy;

import java.time.LocalDate;
import java.util.Currency;
import org.recoup.engine.debt.Product;
import org.recoup.engine.delinquency.AgingBucket;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.delinquency.Overdue;
import org.recoup.engine.delinquency.RiskClass;
import org.recoup.engine.segmentation.ContactHistory;
import org.recoup.engine.segmentation.PartyProfile;
import org.recoup.engine.segmentation.PaymentHistory;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.strategy.StrategyFacts;

/** Facts of simple cases for strategy tests. */
final class TestCases {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 3);

    private TestCases() {
    }

    /** A consumer loan {@code dpd} days past due, no promises, contacts or payments on file. */
    static SegmentationFacts overdue(int dpd) {
        DelinquencyState state = new DelinquencyState("A-1", BUSINESS_DATE, Currency.getInstance("CNY"), dpd,
                dpd == 0 ? "M0" : "M" + Math.min(6, 1 + (dpd - 1) / 30), dpd == 0 ? "CURRENT" : dpd < 30 ? "EARLY" : "MID",
                dpd == 0 ? AgingBucket.CURRENT : AgingBucket.Y0_1, dpd == 0 ? RiskClass.NOT_DUE : RiskClass.OVERDUE,
                new Overdue(dpd == 0 ? 0 : 100_000, 0, 0, 0), 1_000_000, 0, 0,
                dpd == 0 ? null : BUSINESS_DATE.minusDays(dpd), 1);
        return new SegmentationFacts(state, PtpHistory.NONE, ContactHistory.NONE, PaymentHistory.NONE,
                PartyProfile.UNKNOWN_PERSON);
    }

    static StrategyFacts facts(SegmentationFacts facts, Segment segment) {
        return StrategyFacts.of(Product.CONSUMER_LOAN, facts, segment, null);
    }
}
