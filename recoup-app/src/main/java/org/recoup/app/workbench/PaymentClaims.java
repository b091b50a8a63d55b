package org.recoup.app.workbench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.payment.Payments;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.app.web.AmountFormat;
import org.recoup.engine.debt.PaymentChannel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Already paid" claims (PRACTICE §5): the agent records the three elements the party gives — when, how much, which
 * channel — as a claim to verify, never as a payment. A supervisor (or administrator) verifies it, which posts the
 * payment through the payment feature with the idempotency key {@code claim:<claimId>}, or rejects it. A claim is
 * decided once: deciding a decided claim is a 409. Creating is idempotent by (user, client key).
 */
@Service
class PaymentClaims {

    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    /** The three elements, and the account they were paid to. */
    record ClaimRequest(String clientKey, String accountId, OffsetDateTime paidAt, BigDecimal amount,
                        PaymentChannel channel, String reference) {
    }

    private final JdbcClient jdbc;
    private final Payments payments;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaymentClaims(JdbcClient jdbc, Payments payments, PlatformTransactionManager tm, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.transaction = new TransactionTemplate(tm);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    CaseFile.ClaimLine claim(String caseId, Actor actor, ClaimRequest r) {
        Outcomes.requireRecorder(actor);
        if (r.clientKey() == null || r.clientKey().isBlank() || r.clientKey().length() > 100) {
            throw ApiProblem.badRequest("INVALID_CLIENT_KEY", "clientKey", "clientKey is required (1–100 characters)");
        }
        if (r.paidAt() == null) {
            throw ApiProblem.badRequest("REQUIRED", "paidAt", "paidAt (when the party says they paid) is required");
        }
        if (r.amount() == null || r.amount().signum() <= 0) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "amount must be a decimal greater than 0");
        }
        if (r.channel() == null) {
            throw ApiProblem.badRequest("REQUIRED", "channel", "channel (how the party says they paid) is required");
        }
        Instant now = clock.instant();
        if (r.paidAt().toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.badRequest("PAID_AT_IN_FUTURE", "paidAt", "paidAt must not be in the future but was "
                    + r.paidAt());
        }
        String party = CaseFiles.partyOf(caseId).orElseThrow();
        String currency = jdbc.sql("""
                        SELECT a.currency FROM account a JOIN account_party ap ON ap.account_id = a.account_id
                        WHERE a.account_id = ? AND ap.party_id = ? AND ap.role = 'BORROWER'""")
                .params(r.accountId(), party).query(String.class).optional()
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_NOT_IN_CASE", "accountId",
                        "account " + r.accountId() + " is not an account of case " + caseId));
        int digits = AmountFormat.digitsOf(currency);
        BigDecimal normalised = r.amount().stripTrailingZeros();
        if (normalised.scale() > digits || normalised.precision() - normalised.scale() > 15) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "amount must have at most " + digits
                    + " decimals for " + currency + " and at most 15 digits before the point");
        }
        long minor = normalised.movePointRight(digits).longValueExact();
        String reference = r.reference() == null || r.reference().isBlank() ? null : r.reference().strip();
        if (reference != null && reference.length() > 200) {
            throw ApiProblem.badRequest("INVALID_REFERENCE", "reference", "reference must be at most 200 characters");
        }
        Optional<CaseFile.ClaimLine> existing = byKey(actor.username(), r.clientKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = "CLM-" + UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO payment_claim (claim_id, case_id, account_id, party_id, paid_at, amount_minor, currency,
                        channel, reference, status, claimed_by, claimed_at, client_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                    .params(id, caseId, r.accountId(), party, Timestamp.from(r.paidAt().toInstant()), minor, currency,
                            r.channel().name(), reference, actor.username(), Timestamp.from(now), r.clientKey())
                    .update();
        } catch (DuplicateKeyException doubleClick) {
            return byKey(actor.username(), r.clientKey()).orElseThrow(() -> doubleClick);
        }
        return find(id).orElseThrow();
    }

    /** Verifies a pending claim: posts the payment (once) and marks the claim VERIFIED. Supervisors and admins. */
    CaseFile.ClaimLine verify(String claimId, Actor actor) {
        requireVerifier(actor);
        return transaction.execute(s -> {
            CaseFile.ClaimLine claim = lockPending(claimId);
            String paymentId = payments.post(actor.username(), "claim:" + claimId, claim.accountId(),
                    claim.paidAt().atOffset(ZoneOffset.UTC), BigDecimal.valueOf(claim.amountMinor(),
                            AmountFormat.digitsOf(claim.currency())), PaymentChannel.valueOf(claim.channel()),
                    claim.reference() != null ? claim.reference() : "claim " + claimId);
            jdbc.sql("""
                    UPDATE payment_claim SET status = 'VERIFIED', decided_by = ?, decided_at = ?, payment_id = ?
                    WHERE claim_id = ? AND status = 'PENDING'""")
                    .params(actor.username(), Timestamp.from(clock.instant()), paymentId, claimId).update();
            return find(claimId).orElseThrow();
        });
    }

    /** Rejects a pending claim with a reason; nothing is posted. Supervisors and admins. */
    CaseFile.ClaimLine reject(String claimId, Actor actor, String reason) {
        requireVerifier(actor);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ApiProblem.badRequest("REQUIRED", "reason", "reason is required (at most 1000 characters)");
        }
        return transaction.execute(s -> {
            lockPending(claimId);
            jdbc.sql("""
                    UPDATE payment_claim SET status = 'REJECTED', decided_by = ?, decided_at = ?, decision_note = ?
                    WHERE claim_id = ? AND status = 'PENDING'""")
                    .params(actor.username(), Timestamp.from(clock.instant()), reason.strip(), claimId).update();
            return find(claimId).orElseThrow();
        });
    }

    /** The case a claim belongs to, for the scope check. */
    Optional<String> caseOf(String claimId) {
        return jdbc.sql("SELECT case_id FROM payment_claim WHERE claim_id = ?").param(claimId).query(String.class).optional();
    }

    private CaseFile.ClaimLine lockPending(String claimId) {
        String status = jdbc.sql("SELECT status FROM payment_claim WHERE claim_id = ? FOR UPDATE").param(claimId)
                .query(String.class).optional().orElseThrow(() -> ApiProblem.notFound("payment claim", claimId));
        if (!"PENDING".equals(status)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CLAIM_DECIDED", "claimId", "claim " + claimId + " is already "
                    + status);
        }
        return find(claimId).orElseThrow();
    }

    private static void requireVerifier(Actor actor) {
        if (actor.role() != Role.SUPERVISOR && actor.role() != Role.ADMIN) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_A_VERIFIER", null,
                    "only a supervisor or an administrator verifies or rejects a payment claim");
        }
    }

    private Optional<CaseFile.ClaimLine> byKey(String user, String key) {
        return jdbc.sql(SELECT + " WHERE claimed_by = ? AND client_key = ?").params(user, key).query(PaymentClaims::line)
                .optional();
    }

    Optional<CaseFile.ClaimLine> find(String claimId) {
        return jdbc.sql(SELECT + " WHERE claim_id = ?").param(claimId).query(PaymentClaims::line).optional();
    }

    static List<CaseFile.ClaimLine> forCase(JdbcClient jdbc, String caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = ? ORDER BY claimed_at DESC, claim_id").param(caseId)
                .query(PaymentClaims::line).list();
    }

    private static final String SELECT = """
            SELECT claim_id, account_id, paid_at, amount_minor, currency, channel, reference, status, claimed_by,
                   claimed_at, decided_by, decided_at, decision_note, payment_id FROM payment_claim""";

    private static CaseFile.ClaimLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CaseFile.ClaimLine(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getString(11),
                rs.getObject(12, OffsetDateTime.class) == null ? null : rs.getObject(12, OffsetDateTime.class).toInstant(),
                rs.getString(13), rs.getString(14));
    }
}
