package org.recoup.app.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.portfolio.AccountSummary;
import org.recoup.app.portfolio.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts payments exactly once per (user, Idempotency-Key).
 * <p>
 * The idempotency record is inserted first, in the same transaction as the payment: of concurrent requests with one
 * key, one inserts it; the others wait on or fail with its primary key (a duplicate-key or lock error, depending on the
 * database), then read the committed record (polling briefly while it is not yet visible) and answer with the stored
 * response when their request has the same fingerprint, or 409 when it differs. If the first request rolls back, the
 * key is free again and the next one creates the payment. A request whose validation fails stores nothing, so the key
 * can be used again with a corrected body. See docs/decisions/payment-idempotency.md.
 */
@Service
class PaymentPosting {

    private static final Logger log = LoggerFactory.getLogger(PaymentPosting.class);

    /** How far in the future {@code paidAt} may be: clocks of payment gateways and ours disagree a little. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** How long a request waits for a concurrent request with the same key to commit or roll back. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(15);
    /** Integer digits an amount may have (10^15 - 1 major units); keeps minor units inside a long. */
    private static final int MAX_INTEGER_DIGITS = 15;
    static final String SOURCE = "API";

    /** The answer: {@code created} is false for a replay of an earlier request. */
    record Outcome(boolean created, PaymentResponse payment) {
    }

    private final PaymentStore store;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    PaymentPosting(PaymentStore store, Accounts accounts, PlatformTransactionManager transactionManager,
                   ApplicationEventPublisher events, JsonMapper json, ObjectProvider<Clock> clock) {
        this.store = store;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.events = events;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Outcome post(String requestedBy, String idempotencyKey, PaymentRequest request) {
        Instant now = clock.instant();
        if (request.paidAt().toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.badRequest("PAID_AT_IN_FUTURE", "paidAt", "paidAt must not be more than "
                    + FUTURE_TOLERANCE.toMinutes() + " minutes in the future but was " + request.paidAt());
        }
        String fingerprint = request.fingerprint();
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        NewPayment prepared = null;
        while (true) {
            Optional<PaymentStore.StoredRequest> stored = store.findRequest(requestedBy, idempotencyKey);
            if (stored.isPresent()) {
                return replay(stored.get(), fingerprint);
            }
            if (prepared == null) {
                prepared = prepare(request);
            }
            try {
                PaymentResponse created = create(requestedBy, idempotencyKey, fingerprint, prepared, now);
                publish(prepared, created);
                return new Outcome(true, created);
            } catch (DuplicateKeyException | PessimisticLockingFailureException concurrent) {
                log.debug("Idempotency-Key {} of {} is being used concurrently: {}", idempotencyKey, requestedBy,
                        concurrent.getMessage());
            }
            stored = awaitCommitted(requestedBy, idempotencyKey, deadline);
            if (stored.isPresent()) {
                return replay(stored.get(), fingerprint);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Idempotency-Key",
                        "another request with this Idempotency-Key is still being processed; retry later");
            }
            // the concurrent request rolled back: the key is free again, try to create
        }
    }

    List<PaymentResponse> forAccount(String accountId) {
        AccountSummary account = accounts.find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        return store.forAccount(accountId).stream().map(p -> response(p, account)).toList();
    }

    Optional<PaymentResponse> find(String paymentId) {
        return store.find(paymentId).flatMap(p -> accounts.find(p.accountId()).map(account -> response(p, account)));
    }

    /** A validated payment ready to store, with its amount in minor units. */
    private record NewPayment(AccountSummary account, PaymentRequest request, long amountMinor) {
    }

    private NewPayment prepare(PaymentRequest request) {
        AccountSummary account = accounts.find(request.accountId())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_ACCOUNT", "accountId",
                        "account " + request.accountId() + " does not exist"));
        return new NewPayment(account, request, minorUnits(request.amount(), account));
    }

    static long minorUnits(BigDecimal amount, AccountSummary account) {
        BigDecimal normalised = amount.stripTrailingZeros();
        int scale = account.currencyScale();
        String currency = account.currency().getCurrencyCode();
        if (normalised.scale() > scale) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "amount must have at most " + scale
                    + " decimals for " + currency + " but was " + amount.toPlainString());
        }
        if (normalised.precision() - normalised.scale() > MAX_INTEGER_DIGITS) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount",
                    "amount must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return normalised.movePointRight(scale).longValueExact();
    }

    private PaymentResponse create(String requestedBy, String idempotencyKey, String fingerprint, NewPayment payment,
                                   Instant now) {
        PaymentRequest request = payment.request();
        String paymentId = "PAY-" + UUID.randomUUID();
        PaymentStore.StoredPayment stored = new PaymentStore.StoredPayment(paymentId, request.accountId(),
                request.paidAt().toInstant(), payment.amountMinor(), request.channel(), request.reference(), SOURCE);
        PaymentResponse response = response(stored, payment.account());
        String body = json.writeValueAsString(response);
        transaction.executeWithoutResult(status -> {
            store.insertRequest(requestedBy, idempotencyKey, fingerprint, paymentId, HttpStatus.CREATED.value(), body, now);
            store.insertPayment(stored);
        });
        return response;
    }

    private Outcome replay(PaymentStore.StoredRequest stored, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                    "this Idempotency-Key was already used for a different payment request (" + stored.paymentId()
                            + "); use a new key for a new payment");
        }
        return new Outcome(false, json.readValue(stored.responseBody(), PaymentResponse.class));
    }

    /** Polls for the record of a concurrent request until it commits, for at most 2 s (or until the deadline). */
    private Optional<PaymentStore.StoredRequest> awaitCommitted(String requestedBy, String idempotencyKey, long deadline) {
        long until = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(2).toNanos());
        long pauseMillis = 5;
        while (true) {
            Optional<PaymentStore.StoredRequest> stored = store.findRequest(requestedBy, idempotencyKey);
            if (stored.isPresent() || System.nanoTime() - until > 0) {
                return stored;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a concurrent payment request", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    /** After the commit, outside any transaction; a failing listener must not turn a stored payment into an error. */
    private void publish(NewPayment payment, PaymentResponse created) {
        PaymentPosted event = new PaymentPosted(created.paymentId(), created.accountId(), payment.amountMinor(),
                payment.account().currency(), created.paidAt());
        try {
            events.publishEvent(event);
        } catch (RuntimeException listenerFailed) {
            log.error("A listener of {} failed; the payment is stored", event, listenerFailed);
        }
    }

    private static PaymentResponse response(PaymentStore.StoredPayment p, AccountSummary account) {
        return new PaymentResponse(p.paymentId(), p.accountId(), p.paidAt(),
                BigDecimal.valueOf(p.amountMinor(), account.currencyScale()), account.currency().getCurrencyCode(),
                p.channel(), p.reference(), p.source());
    }
}
