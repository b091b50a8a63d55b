package org.recoup.app.dailyrun;

import java.time.LocalDate;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.strategy.StrategySet;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.StrategyFacts;

/** The decision pipeline for one account: assess → facts → segment → decide. Pure: same inputs, same decision. */
final class AccountDecider {

    private AccountDecider() {
    }

    static AccountDecision decide(AccountInput input, LocalDate asOf, DelinquencyPolicy policy, StrategySet strategies,
                                  PtpHistory ptp) {
        DelinquencyState state = Delinquency.assess(input.snapshot(), asOf, policy);
        SegmentationFacts facts = DecisionFacts.of(input, state, ptp == null ? PtpHistory.NONE : ptp);
        Segment segment = strategies.segment(facts);
        String caseId = DecisionFacts.caseId(input);
        StrategyFacts strategyFacts = StrategyFacts.of(input.snapshot().account().product(), facts, segment,
                DecisionFacts.nextDueDate(input, asOf));
        Decision decision = strategies.decide(caseId, strategyFacts);
        String zone = input.borrower() == null ? null : input.borrower().timeZone();
        return new AccountDecision(state, caseId, input.borrower() == null ? null : input.borrower().partyId(), segment,
                decision, CasePlanner.Reach.of(zone, input.points()).encode());
    }
}
