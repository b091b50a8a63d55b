package org.recoup.app.dailyrun;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.app.promise.Promises;
import org.recoup.engine.promise.Promise;
import org.recoup.engine.promise.PromisePolicy;
import org.recoup.engine.promise.PromiseResolver;
import org.recoup.engine.segmentation.PtpHistory;


/**
 * Where the daily run gets promise-to-pay histories for one chunk of accounts: the chunk's promises are read in one
 * query, then resolved by the engine against the payments the run already holds, in each account's business zone
 * (the fast path of {@code promise.Promises}). Accounts missing from the answer have no promise that counts
 * ({@link PtpHistory#NONE}).
 */
@FunctionalInterface
interface PromiseFacts {

    Map<String, PtpHistory> histories(List<AccountSnapshot> accounts, LocalDate asOf);

    /** The promises of {@code promises}, resolved with the engine as of the business date. */
    static PromiseFacts of(Promises promises) {
        return (accounts, asOf) -> {
            if (accounts.isEmpty()) {
                return Map.of();
            }
            Map<String, List<Promise>> byAccount = promises.promisesOf(accounts.stream().map(a -> a.account().id()).toList());
            if (byAccount.isEmpty()) {
                return Map.of();
            }
            PromisePolicy policy = promises.policy();
            Map<String, PtpHistory> out = new HashMap<>();
            for (AccountSnapshot a : accounts) {
                List<Promise> list = byAccount.get(a.account().id());
                if (list != null) {
                    PtpHistory h = PromiseResolver.history(list, a.payments(), asOf, a.account().zone(), policy);
                    if (!h.equals(PtpHistory.NONE)) {
                        out.put(a.account().id(), h);
                    }
                }
            }
            return out;
        };
    }
}
