package org.recoup.app.promise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.portfolio.AccountSummary;
import org.recoup.app.portfolio.Accounts;
import org.recoup.engine.promise.PromiseStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures and cancels promises. With an {@code Idempotency-Key} a capture happens once per (user, key): the key's
 * record is inserted in the same transaction as the promise (as for payments, see {@code payment.PaymentPosting}); a
 * retry with the same request answers the original promise, another request with the key is a 409.
 */
@Service
class PromiseCapture {

    /** Parties who may promise: liable on the account (contract §5, CN profile). */
    static final Set<String> LIABLE = Set.of("BORROWER", "CO_BORROWER", "GUARANTOR");
    /** Liable only for a deceased borrower's estate. */
    static final Set<String> ESTATE = Set.of("HEIR", "SPOUSE");
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);

    record Outcome(boolean created, PromiseView promise) {
    }

    private final PromiseStore store;
    private final Promises promises;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PromiseCapture(PromiseStore store, Promises promises, Accounts accounts, PlatformTransactionManager tm,
                   ObjectProvider<Clock> clock) {
        this.store = store;
        this.promises = promises;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(tm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Outcome capture(String accountId, String user, String idempotencyKey, PromiseRequest request) {
        if (idempotencyKey == null) {
            PromiseStore.StoredPromise created = validated(accountId, user, request);
            transaction.executeWithoutResult(s -> {
                store.insert(created);
                promises.refresh(accountId);
            });
            return new Outcome(true, promises.view(accountId, created.promiseId()));
        }
        String fingerprint = request.fingerprint(accountId);
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        PromiseStore.StoredPromise prepared = null;
        while (true) {
            Optional<PromiseStore.StoredRequest> stored = store.findRequest(user, idempotencyKey);
            if (stored.isPresent()) {
                return replay(accountId, stored.get(), fingerprint);
            }
            if (prepared == null) {
                prepared = validated(accountId, user, request);
            }
            PromiseStore.StoredPromise created = prepared;
            try {
                transaction.executeWithoutResult(s -> {
                    store.insertRequest(user, idempotencyKey, fingerprint, created.promiseId(), created.promisedAt());
                    store.insert(created);
                    promises.refresh(accountId);
                });
                return new Outcome(true, promises.view(accountId, created.promiseId()));
            } catch (DuplicateKeyException | PessimisticLockingFailureException concurrent) {
                pause();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Idempotency-Key",
                        "another request with this Idempotency-Key is still being processed; retry later");
            }
        }
    }

    /** Cancels a pending promise; cancelling a cancelled one answers it again; a resolved one is a 409. */
    PromiseView cancel(String accountId, String promiseId) {
        PromiseView current = promises.view(accountId, promiseId);
        if (current.status() == PromiseStatus.CANCELLED) {
            return current;
        }
        if (current.status() != PromiseStatus.PENDING) {
            throw new ApiProblem(HttpStatus.CONFLICT, "PROMISE_RESOLVED", "promiseId", "promise " + promiseId
                    + " is already " + current.status() + " (resolved on " + current.resolvedOn()
                    + ") and can no longer be cancelled");
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(s -> {
            store.cancel(accountId, promiseId, now, promises.today(accountId));
            promises.refresh(accountId);
        });
        return promises.view(accountId, promiseId);
    }

    private Outcome replay(String accountId, PromiseStore.StoredRequest stored, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                    "this Idempotency-Key was already used for a different promise (" + stored.promiseId()
                            + "); use a new key for a new promise");
        }
        return new Outcome(false, promises.view(accountId, stored.promiseId()));
    }

    private PromiseStore.StoredPromise validated(String accountId, String user, PromiseRequest request) {
        AccountSummary account = accounts.find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        PromiseStore.PartyOnAccount party = store.partyOnAccount(accountId, request.partyId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PARTY_NOT_ON_ACCOUNT", "partyId",
                        "party " + request.partyId() + " is not a party of account " + accountId));
        boolean liable = party.roles().stream().anyMatch(LIABLE::contains)
                || (party.borrowerDeceased() && party.roles().stream().anyMatch(ESTATE::contains));
        if (!liable) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PARTY_NOT_LIABLE", "partyId",
                    "party " + request.partyId() + " is " + String.join(", ", party.roles()) + " on account " + accountId
                            + "; only a borrower, co-borrower or guarantor (or an heir or spouse of a deceased "
                            + "borrower) can promise to pay");
        }
        long amountMinor = minorUnits(request.amount(), account);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone(party.timeZone(), account));
        if (request.dueDate().isBefore(today)) {
            throw ApiProblem.badRequest("DUE_DATE_IN_PAST", "dueDate", "dueDate must not be before today ("
                    + today + " in the party's time zone) but was " + request.dueDate());
        }
        return new PromiseStore.StoredPromise("PTP-" + UUID.randomUUID(), accountId, request.partyId(), amountMinor,
                request.dueDate(), request.channel() == null ? null : request.channel().name(), now, null,
                PromiseStatus.PENDING, 0, null, user, "API");
    }

    private static ZoneId zone(String timeZone, AccountSummary account) {
        try {
            return timeZone == null || timeZone.isBlank() ? account.jurisdiction().defaultZone() : ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException invalid) {
            return account.jurisdiction().defaultZone();
        }
    }

    static long minorUnits(BigDecimal amount, AccountSummary account) {
        BigDecimal normalised = amount.stripTrailingZeros();
        int scale = account.currencyScale();
        if (normalised.scale() > scale) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "amount must have at most " + scale
                    + " decimals for " + account.currency().getCurrencyCode() + " but was " + amount.toPlainString());
        }
        if (normalised.precision() - normalised.scale() > MAX_INTEGER_DIGITS) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount",
                    "amount must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return normalised.movePointRight(scale).longValueExact();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent promise request", e);
        }
    }
}
