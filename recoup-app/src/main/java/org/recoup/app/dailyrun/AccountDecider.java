package org.recoup.app.dailyrun;

import java.time.LocalDate;
import java.util.Set;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.strategy.StrategySet;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.recoup.engine.compliance.HoldType;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.Segment;
import org.recoup.engine.segmentation.SegmentationFacts;
import org.recoup.engine.strategy.Decision;
import org.recoup.engine.strategy.StrategyFacts;

/** The decision pipeline for one account: assess → facts → segment → decide. Pure: same inputs, same decision. */
final class AccountDecider {

    private AccountDecider() {
    }

    /**
     * @param ptp   the account's promise history (null: none)
     * @param holds the hold types in force on the borrower (null: none), see
     *              {@link DecisionFacts#of(AccountInput, DelinquencyState, PtpHistory, Set)}
     */
    static AccountDecision decide(AccountInput input, LocalDate asOf, DelinquencyPolicy policy, StrategySet strategies,
                                  PtpHistory ptp, Set<HoldType> holds) {
        DelinquencyState state = Delinquency.assess(input.snapshot(), asOf, policy);
        SegmentationFacts facts = DecisionFacts.of(input, state, ptp == null ? PtpHistory.NONE : ptp,
                holds == null ? Set.of() : holds);
        Segment segment = strategies.segment(facts);
        String caseId = DecisionFacts.caseId(input);
        StrategyFacts strategyFacts = StrategyFacts.of(input.snapshot().account().product(), facts, segment,
                DecisionFacts.nextDueDate(input, asOf));
        StrategySet.CaseDecision decided = strategies.decideCase(caseId, strategyFacts);
        Decision decision = decided.decision();
        String zone = input.borrower() == null ? null : input.borrower().timeZone();
        return new AccountDecision(state, caseId, input.borrower() == null ? null : input.borrower().partyId(), segment,
                decision, decided.experimentId(), CasePlanner.Reach.of(zone, input.points()).encode());
    }
}
