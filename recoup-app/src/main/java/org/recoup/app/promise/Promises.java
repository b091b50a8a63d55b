package org.recoup.app.promise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.payment.PaymentPosted;
import org.recoup.app.portfolio.Accounts;
import org.recoup.engine.debt.Money;
import org.recoup.engine.debt.Payment;
import org.recoup.engine.promise.Promise;
import org.recoup.engine.promise.PromisePolicy;
import org.recoup.engine.promise.PromiseResolution;
import org.recoup.engine.promise.PromiseResolver;
import org.recoup.engine.promise.PromiseStatus;
import org.recoup.engine.segmentation.PtpHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise feature's API for other features (the daily run) and its own controllers: promise histories and statuses
 * computed by the engine ({@link PromiseResolver}) from the stored promises and payments as of a business date, and the
 * cached status columns of {@code promise} kept current.
 *
 * <p>Everything here is set-based: ids are read in slices of {@value PromiseStore#SLICE} with one query per table, and
 * the engine runs per account in memory. Dates are business dates in each account's zone (its borrower's time zone,
 * else its jurisdiction's), as the delinquency engine dates payments.
 */
@Service
public class Promises {

    private static final Logger log = LoggerFactory.getLogger(Promises.class);

    private final PromiseStore store;
    private final PromisePolicies policies;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Promises(PromiseStore store, PromisePolicies policies, Accounts accounts, PlatformTransactionManager tm,
             ObjectProvider<Clock> clock) {
        this.store = store;
        this.policies = policies;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(tm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The promise history of each account as of {@code asOf}, computed from promises and payments (never from the
     * cached status): only promises made, payments received and cancellations recorded by the end of {@code asOf}
     * count, so a rerun of a past date gives the same histories. Accounts without a promise that counts are
     * <b>absent</b> from the map: read it with {@code getOrDefault(id, PtpHistory.NONE)}. PARTIALLY_KEPT counts as
     * broken (see {@link PromiseResolver#history}).
     *
     * @param accountIds a chunk of accounts (any size; read in slices of 1,000)
     */
    public Map<String, PtpHistory> histories(Collection<String> accountIds, LocalDate asOf) {
        return histories(accountIds, asOf, policies.policy());
    }

    /** {@link #histories(Collection, LocalDate)} under a given policy (e.g. the one a run started with). */
    public Map<String, PtpHistory> histories(Collection<String> accountIds, LocalDate asOf, PromisePolicy policy) {
        Map<String, PtpHistory> out = new HashMap<>();
        resolved(accountIds, asOf, policy).forEach((accountId, resolutions) -> {
            PtpHistory h = PromiseResolver.history(resolutions, asOf);
            if (!h.equals(PtpHistory.NONE)) {
                out.put(accountId, h);
            }
        });
        return out;
    }

    /**
     * The fast path for a caller that already holds the accounts' payments and zones (the daily run reads them for
     * the delinquency engine): the promises of each account as the engine takes them, in one query per 1,000 ids
     * (accounts without promises are absent). Then, per account,
     * {@code PromiseResolver.history(promises, payments, asOf, account.zone(), policy())} gives exactly what
     * {@link #histories} gives.
     */
    public Map<String, List<Promise>> promisesOf(Collection<String> accountIds) {
        Map<String, List<Promise>> out = new HashMap<>();
        store.forAccounts(accountIds).forEach((accountId, list) ->
                out.put(accountId, list.stream().map(PromiseStore.StoredPromise::toEngine).toList()));
        return out;
    }

    /** The promise policy in force (grace days). */
    public PromisePolicy policy() {
        return policies.policy();
    }

    /**
     * Brings the cached status of promises up to date as of {@code asOf}: every account with a promise cached as
     * PENDING is resolved again, in slices of 1,000 accounts, one transaction per slice; only rows whose status, paid
     * amount or resolution date changed are written (and only if nobody changed them meanwhile). For the daily run.
     *
     * @return the number of promise rows changed
     */
    public int resolve(LocalDate asOf) {
        PromisePolicy policy = policies.policy();
        // generous bound (the latest zone is UTC-12); the engine applies each account's own zone exactly
        List<String> pending = store.accountsWithPendingPromises(asOf.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        int changed = 0;
        for (List<String> slice : PromiseStore.slices(pending)) {
            changed += transaction.execute(status -> write(slice, asOf, policy));
        }
        return changed;
    }

    /** Keeps the cached status current when a payment is posted through the API (resolved as of today). */
    @EventListener
    void onPaymentPosted(PaymentPosted event) {
        try {
            String accountId = event.accountId();
            PromiseStore.AccountZone zone = store.zones(List.of(accountId)).get(accountId);
            if (zone != null) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), zone.zone());
                transaction.executeWithoutResult(status -> write(List.of(accountId), today, policies.policy()));
            }
        } catch (RuntimeException e) {
            log.error("Resolving the promises of account {} after payment {} failed; the daily run will resolve them",
                    event.accountId(), event.paymentId(), e);
        }
    }

    /** The promises of an account with their status as of today in the account's zone, oldest first. */
    List<PromiseView> list(String accountId) {
        accounts.find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        return views(accountId, store.forAccount(accountId));
    }

    /** One promise of an account as of today. */
    PromiseView view(String accountId, String promiseId) {
        return list(accountId).stream().filter(p -> p.promiseId().equals(promiseId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("promise", promiseId));
    }

    /** Today's business date in the account's zone. */
    LocalDate today(String accountId) {
        PromiseStore.AccountZone zone = store.zones(List.of(accountId)).get(accountId);
        if (zone == null) {
            throw ApiProblem.notFound("account", accountId);
        }
        return LocalDate.ofInstant(clock.instant(), zone.zone());
    }

    /** Resolves one account's promises now (after a capture or cancellation) in the caller's transaction. */
    void refresh(String accountId) {
        write(List.of(accountId), today(accountId), policies.policy());
    }

    private List<PromiseView> views(String accountId, List<PromiseStore.StoredPromise> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        PromiseStore.AccountZone zone = store.zones(List.of(accountId)).get(accountId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.zone());
        List<Payment> payments = store.payments(List.of(accountId)).getOrDefault(accountId, List.of());
        Map<String, PromiseResolution> byId = new HashMap<>();
        PromiseResolver.resolve(stored.stream().map(PromiseStore.StoredPromise::toEngine).toList(), payments, today,
                zone.zone(), policies.policy()).forEach(r -> byId.put(r.promiseId(), r));
        int scale = Money.scaleOf(zone.currency());
        List<PromiseView> out = new ArrayList<>(stored.size());
        for (PromiseStore.StoredPromise p : stored) {
            PromiseResolution r = byId.get(p.promiseId());
            // a promise dated after today (possible by import) is not known yet as of today: shown as PENDING
            PromiseStatus status = r == null ? PromiseStatus.PENDING : r.status();
            long paid = r == null ? 0 : r.paid();
            out.add(new PromiseView(p.promiseId(), p.accountId(), p.partyId(), BigDecimal.valueOf(p.amountMinor(), scale),
                    zone.currency().getCurrencyCode(), p.dueDate(), p.channel(), p.promisedAt(), status,
                    BigDecimal.valueOf(paid, scale), r == null ? null : r.resolvedOn(), p.cancelledAt(), today,
                    p.source(), p.createdBy()));
        }
        return out;
    }

    /** The engine's resolutions per account, for accounts that have promises. */
    private Map<String, List<PromiseResolution>> resolved(Collection<String> accountIds, LocalDate asOf,
                                                          PromisePolicy policy) {
        Map<String, List<PromiseStore.StoredPromise>> promises = store.forAccounts(accountIds);
        Map<String, List<PromiseResolution>> out = new HashMap<>();
        if (promises.isEmpty()) {
            return out;
        }
        Map<String, PromiseStore.AccountZone> zones = store.zones(promises.keySet());
        Map<String, List<Payment>> payments = store.payments(promises.keySet());
        promises.forEach((accountId, list) -> out.put(accountId, PromiseResolver.resolve(
                list.stream().map(PromiseStore.StoredPromise::toEngine).toList(),
                payments.getOrDefault(accountId, List.of()), asOf, zones.get(accountId).zone(), policy)));
        return out;
    }

    private int write(List<String> accountIds, LocalDate asOf, PromisePolicy policy) {
        Map<String, List<PromiseStore.StoredPromise>> stored = store.forAccounts(accountIds);
        Map<String, PromiseStore.StoredPromise> byId = new HashMap<>();
        stored.values().forEach(list -> list.forEach(p -> byId.put(p.promiseId(), p)));
        List<PromiseStore.StoredPromise[]> changed = new ArrayList<>();
        resolved(accountIds, asOf, policy).values().forEach(resolutions -> resolutions.forEach(r -> {
            PromiseStore.StoredPromise old = byId.get(r.promiseId());
            if (old.status() != r.status() || old.paidMinor() != r.paid()
                    || !java.util.Objects.equals(old.resolvedOn(), r.resolvedOn())) {
                changed.add(new PromiseStore.StoredPromise[] {old, new PromiseStore.StoredPromise(old.promiseId(),
                        old.accountId(), old.partyId(), old.amountMinor(), old.dueDate(), old.channel(),
                        old.promisedAt(), old.cancelledAt(), r.status(), r.paid(), r.resolvedOn(), old.createdBy(),
                        old.source())});
            }
        }));
        return store.updateStatuses(changed);
    }
}
