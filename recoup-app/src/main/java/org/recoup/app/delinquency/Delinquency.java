package org.recoup.app.delinquency;

import java.time.LocalDate;
import java.util.Optional;
import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.delinquency.DelinquencyState;
import org.springframework.stereotype.Service;

/** An account's delinquency as of a date: the stored state of that date's run, else assessed now from the debt file. */
@Service
public class Delinquency {

    private final AccountStates states;
    private final DelinquencyPolicies policies;
    private final PortfolioReader portfolio;

    Delinquency(AccountStates states, DelinquencyPolicies policies, PortfolioReader portfolio) {
        this.states = states;
        this.policies = policies;
        this.portfolio = portfolio;
    }

    /** Empty when the account does not exist. */
    public Optional<Assessed> stateOf(String accountId, LocalDate asOf) {
        return stateOf(accountId, asOf, false);
    }

    /**
     * The stored state of {@code asOf}'s run, or — when there is none or {@code fresh} is asked for — the state
     * assessed now from the debt file as it is (e.g. after a payment posted since the run). Empty for an unknown
     * account.
     */
    public Optional<Assessed> stateOf(String accountId, LocalDate asOf, boolean fresh) {
        Optional<DelinquencyState> stored = fresh ? Optional.empty() : states.stored(accountId, asOf);
        if (stored.isPresent()) {
            return stored.map(s -> new Assessed(s, true));
        }
        return portfolio.load(accountId).map(snapshot -> new Assessed(assess(snapshot, asOf, policies.current()), false));
    }

    public static DelinquencyState assess(AccountSnapshot snapshot, LocalDate asOf, DelinquencyPolicy policy) {
        return DelinquencyCalculator.assess(snapshot.account(), snapshot.installments(), snapshot.payments(), asOf, policy);
    }

    /** A state and whether it was read from a run ({@code stored}) or computed on request. */
    public record Assessed(DelinquencyState state, boolean stored) {
    }
}
