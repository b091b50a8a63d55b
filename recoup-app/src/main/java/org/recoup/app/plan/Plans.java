package org.recoup.app.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.delinquency.DelinquencyPolicies;
import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.app.portfolio.PortfolioReader;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.delinquency.DelinquencyCalculator;
import org.recoup.engine.delinquency.DelinquencyPolicy;
import org.recoup.engine.plan.AuthorityLimit;
import org.recoup.engine.plan.AuthorityLimits;
import org.recoup.engine.plan.Components;
import org.recoup.engine.plan.PlanInstalment;
import org.recoup.engine.plan.PlanTerms;
import org.recoup.engine.plan.PlanTermsException;
import org.recoup.engine.plan.Position;
import org.recoup.engine.plan.Restructure;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Repayment plans: a proposal by a collector, approved by someone else whose authority covers it (maker-checker),
 * applied to the account's instalments in the approving transaction, then monitored after each run.
 *
 * <p><b>What the daily run sees.</b> On approval the account's {@code installment} rows are replaced by the plan's
 * schedule (see {@link Restructure}); the rows as they were are kept in {@code plan_original_installment}. Payments are
 * not touched: a waiver is recorded in {@code plan_waiver}, never as cash. When a broken plan reverts, the original
 * rows are put back and the waiver is REINSTATED.
 */
@Service
public class Plans {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseScope scope;
    private final PortfolioReader portfolio;
    private final DelinquencyPolicies delinquency;
    private final PlanSettings settings;
    private final PlanAgreement agreement;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    Plans(JdbcClient jdbc, Clock clock, CaseScope scope, PortfolioReader portfolio, DelinquencyPolicies delinquency,
          PlanSettings settings, PlanAgreement agreement, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scope = scope;
        this.portfolio = portfolio;
        this.delinquency = delinquency;
        this.settings = settings;
        this.agreement = agreement;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The actor's level in the approval chain ({@code AGENT_<TIER>}, TEAM_LEAD, SUPERVISOR, ADMIN); empty for others. */
    public static Optional<String> levelOf(Actor actor) {
        return switch (actor.role()) {
            case AGENT -> Optional.of("AGENT_" + (actor.tier() == null ? "JUNIOR" : actor.tier().name()));
            case TEAM_LEAD, SUPERVISOR, ADMIN -> Optional.of(actor.role().name());
            case COMPLIANCE, AGENCY -> Optional.empty();
        };
    }

    public record Proposed(boolean created, PlanView plan) {
    }

    /** A computed plan: the restructure as of {@code asOf} and what it asks of an approver. */
    private record Computed(AccountSnapshot snapshot, LocalDate asOf, Restructure.Restructured result,
                            AuthorityLimit.Grant grant) {
    }

    // ---- propose ---------------------------------------------------------------------------------------------------

    public Proposed propose(String caseId, PlanRequest request, String idempotencyKey, Actor actor) {
        String makerLevel = levelOf(actor).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "PLAN_NO_AUTHORITY",
                null, actor.role() + " users do not propose plans"));
        if (!scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        String fingerprint = request.fingerprint(caseId);
        if (idempotencyKey != null) {
            Optional<Proposed> replay = replay(actor.username(), idempotencyKey, fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        requireAccountOfCase(caseId, request.accountId());
        AccountSnapshot snapshot = snapshot(request.accountId());
        PlanTerms terms = terms(request, snapshot.account().currency());
        Computed computed = compute(snapshot, terms);
        AuthorityLimits limits = settings.limits();
        AuthorityLimit required = limits.firstCovering(computed.grant()).orElseThrow(() -> {
            var top = limits.limits().getLast();
            var v = top.check(computed.grant());
            return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "PLAN_BEYOND_ALL_AUTHORITY", v.getFirst().field(),
                    "no level of the approval chain may grant this plan: " + describe(v));
        });
        boolean withinMaker = limits.of(makerLevel).map(l -> l.covers(computed.grant())).orElse(false);
        String planId = "PL-" + UUID.randomUUID();
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("""
                                INSERT INTO repayment_plan (plan_id, case_id, account_id, plan_type, status, terms, reason,
                                    currency, balance_minor, waived_minor, waived_percent, plan_instalments, length_months,
                                    required_level, maker_level, within_maker_limit, limits_version, proposed_by,
                                    proposed_at, proposed_on, idempotency_key, request_hash)
                                VALUES (?, ?, ?, ?, 'PENDING_APPROVAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(planId, caseId, request.accountId(), terms.type().name(), json.writeValueAsString(terms),
                                request.reason().strip(), snapshot.account().currency().getCurrencyCode(),
                                computed.result().balance().total(), computed.result().waived().total(),
                                computed.result().waivedPercent(), computed.result().planInstalments(),
                                computed.result().lengthMonths(), required.level(), makerLevel, withinMaker,
                                limits.version(), actor.username(), Timestamp.from(now), computed.asOf(),
                                idempotencyKey, fingerprint)
                        .update();
                jdbc.sql("INSERT INTO plan_open_account (account_id, plan_id) VALUES (?, ?)")
                        .params(request.accountId(), planId).update();
                writeSchedule(planId, computed.result().schedule());
                history(planId, "PENDING_APPROVAL", now, actor.username(), computed.asOf(),
                        withinMaker ? "within the proposer's authority; needs a checker"
                                : "beyond the proposer's authority; escalated to " + required.level());
            });
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                Optional<Proposed> replay = replay(actor.username(), idempotencyKey, fingerprint);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            String open = jdbc.sql("SELECT plan_id FROM plan_open_account WHERE account_id = ?").param(request.accountId())
                    .query(String.class).optional().orElse("?");
            throw new ApiProblem(HttpStatus.CONFLICT, "PLAN_ALREADY_OPEN", "accountId", "account " + request.accountId()
                    + " already has an open plan (" + open + "): it must be decided or closed first");
        }
        return new Proposed(true, view(planId).orElseThrow());
    }

    private Optional<Proposed> replay(String username, String key, String fingerprint) {
        return jdbc.sql("SELECT plan_id, request_hash FROM repayment_plan WHERE proposed_by = ? AND idempotency_key = ?")
                .params(username, key)
                .query((rs, n) -> {
                    if (!fingerprint.equals(rs.getString(2))) {
                        throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                                "this Idempotency-Key was used for another proposal");
                    }
                    return rs.getString(1);
                }).optional().map(id -> new Proposed(false, view(id).orElseThrow()));
    }

    private void requireAccountOfCase(String caseId, String accountId) {
        boolean ofCase = jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ? AND role = 'BORROWER' "
                        + "AND 'C-' || party_id = ?").params(accountId, caseId).query(Integer.class).single() > 0;
        if (!ofCase) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_NOT_IN_CASE", "accountId",
                    "account " + accountId + " is not an account of case " + caseId);
        }
    }

    private AccountSnapshot snapshot(String accountId) {
        return portfolio.load(accountId).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "UNKNOWN_ACCOUNT", "accountId", "account " + accountId + " does not exist"));
    }

    static PlanTerms terms(PlanRequest r, Currency currency) {
        long settlement = 0;
        if (r.settlementAmount() != null) {
            try {
                settlement = r.settlementAmount().movePointRight(currency.getDefaultFractionDigits()).longValueExact();
            } catch (ArithmeticException e) {
                throw ApiProblem.badRequest("INVALID_PLAN_TERMS", "settlementAmount", "at most "
                        + currency.getDefaultFractionDigits() + " decimals for " + currency.getCurrencyCode());
            }
        }
        try {
            return new PlanTerms(r.type(), r.scope(), r.instalments() == null ? (r.type()
                    == org.recoup.engine.plan.PlanType.INSTALMENT_PLAN ? 0 : 1) : r.instalments(),
                    r.firstDueDate(), settlement, r.payBy(), Boolean.TRUE.equals(r.waiveInterest()),
                    Boolean.TRUE.equals(r.waivePenalty()));
        } catch (PlanTermsException e) {
            throw ApiProblem.badRequest(e.code(), e.field(), e.getMessage());
        }
    }

    private Computed compute(AccountSnapshot snapshot, PlanTerms terms) {
        LocalDate asOf = LocalDate.ofInstant(clock.instant(), snapshot.account().zone());
        DelinquencyPolicy policy = delinquency.current();
        var assessment = DelinquencyCalculator.assessWithAllocation(snapshot.account(), snapshot.installments(),
                snapshot.payments(), asOf, policy);
        Position position = Position.of(snapshot.installments(), assessment, asOf, policy.waterfall());
        try {
            Restructure.Restructured result = Restructure.restructure(position, terms);
            return new Computed(snapshot, asOf, result, new AuthorityLimit.Grant(terms.type(), result.waived().total(),
                    result.waivedPercent(), result.planInstalments(), result.lengthMonths()));
        } catch (PlanTermsException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.field(), e.getMessage());
        }
    }

    static String describe(List<AuthorityLimit.Violation> violations) {
        return violations.stream().map(v -> v.code() + " (" + v.message() + ")").collect(Collectors.joining("; "));
    }

    // ---- decide ----------------------------------------------------------------------------------------------------

    /** Approves and applies a pending plan in one transaction; the first of concurrent approvers wins, others get 409. */
    public PlanView approve(String planId, String note, Actor actor) {
        Stored plan = decidable(planId, actor);
        Instant now = clock.instant();
        String level = levelOf(actor).orElseThrow();
        try {
            tx.executeWithoutResult(status -> {
                int won = jdbc.sql("""
                                UPDATE repayment_plan SET status = 'ACTIVE', decided_by = ?, decided_at = ?, decision_note = ?
                                WHERE plan_id = ? AND status = 'PENDING_APPROVAL'""")
                        .params(actor.username(), Timestamp.from(now), blankToNull(note), planId).update();
                if (won == 0) {
                    throw notPending(planId);
                }
                AccountSnapshot snapshot = snapshot(plan.accountId());
                Computed computed = compute(snapshot, plan.terms());
                AuthorityLimit limit = settings.limits().of(level).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN,
                        "PLAN_NO_AUTHORITY", null, level + " is not in the approval chain"));
                List<AuthorityLimit.Violation> beyond = limit.check(computed.grant());
                if (!beyond.isEmpty()) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "PLAN_BEYOND_AUTHORITY", beyond.getFirst().field(),
                            actor.username() + " (" + level + ") may not approve this plan: " + describe(beyond));
                }
                apply(planId, plan.accountId(), computed, now, actor.username());
            });
        } catch (ConcurrencyFailureException concurrent) {
            throw notPending(planId);
        }
        return view(planId).orElseThrow();
    }

    public PlanView reject(String planId, String note, Actor actor) {
        if (note == null || note.isBlank()) {
            throw ApiProblem.badRequest("INVALID_DECISION", "note", "a rejection needs a note saying why");
        }
        decidable(planId, actor);
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(status -> {
                int won = jdbc.sql("""
                                UPDATE repayment_plan SET status = 'REJECTED', decided_by = ?, decided_at = ?,
                                    decision_note = ? WHERE plan_id = ? AND status = 'PENDING_APPROVAL'""")
                        .params(actor.username(), Timestamp.from(now), note.strip(), planId).update();
                if (won == 0) {
                    throw notPending(planId);
                }
                jdbc.sql("DELETE FROM plan_open_account WHERE plan_id = ?").param(planId).update();
                history(planId, "REJECTED", now, actor.username(), null, note.strip());
            });
        } catch (ConcurrencyFailureException concurrent) {
            throw notPending(planId);
        }
        return view(planId).orElseThrow();
    }

    /** The plan, refused unless the actor may decide it: in scope (else 404), pending, not the maker, in the chain. */
    private Stored decidable(String planId, Actor actor) {
        Stored plan = stored(planId).filter(p -> scope.maySeeCase(actor, p.caseId()))
                .orElseThrow(() -> ApiProblem.notFound("plan", planId));
        if (!plan.status().equals("PENDING_APPROVAL")) {
            throw notPending(planId);
        }
        if (plan.proposedBy().equals(actor.username())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "PLAN_MAKER_CANNOT_APPROVE", null,
                    actor.username() + " proposed plan " + planId + ": someone else must decide it (maker-checker)");
        }
        if (levelOf(actor).isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "PLAN_NO_AUTHORITY", null,
                    actor.role() + " users do not decide plans");
        }
        return plan;
    }

    private static ApiProblem notPending(String planId) {
        return new ApiProblem(HttpStatus.CONFLICT, "PLAN_NOT_PENDING", null,
                "plan " + planId + " is no longer pending approval (already decided)");
    }

    private void apply(String planId, String accountId, Computed computed, Instant now, String by) {
        Restructure.Restructured r = computed.result();
        jdbc.sql("""
                        INSERT INTO plan_original_installment (plan_id, account_id, seq, due_date, principal_minor,
                            interest_minor, fee_minor)
                        SELECT ?, account_id, seq, due_date, principal_minor, interest_minor, fee_minor
                        FROM installment WHERE account_id = ?""")
                .params(planId, accountId).update();
        jdbc.sql("DELETE FROM installment WHERE account_id = ?").param(accountId).update();
        insertInstallments(accountId, r.schedule().stream()
                .map(i -> new Installment(i.seq(), i.dueDate(), i.principal(), i.interest(), i.fees())).toList());
        jdbc.sql("DELETE FROM plan_schedule WHERE plan_id = ?").param(planId).update();
        writeSchedule(planId, r.schedule());
        Components w = r.waived();
        if (w.total() > 0) {
            jdbc.sql("""
                            INSERT INTO plan_waiver (plan_id, account_id, currency, principal_minor, interest_minor,
                                fee_minor, penalty_minor, status, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?, 'CONDITIONAL', ?)""")
                    .params(planId, accountId, computed.snapshot().account().currency().getCurrencyCode(), w.principal(),
                            w.interest(), w.fees(), w.penalty(), computed.asOf()).update();
        }
        jdbc.sql("""
                        UPDATE repayment_plan SET balance_minor = ?, waived_minor = ?, waived_percent = ?,
                            plan_instalments = ?, length_months = ?, effective_on = ? WHERE plan_id = ?""")
                .params(r.balance().total(), w.total(), r.waivedPercent(), r.planInstalments(), r.lengthMonths(),
                        computed.asOf(), planId).update();
        history(planId, "ACTIVE", now, by, computed.asOf(), "applied: " + r.schedule().size() + " instalments in force");
        String documentId = agreement.generate(view(planId).orElseThrow(), computed.snapshot(), by);
        jdbc.sql("UPDATE repayment_plan SET document_id = ? WHERE plan_id = ?").params(documentId, planId).update();
    }

    private void insertInstallments(String accountId, List<Installment> installments) {
        for (Installment i : installments) {
            jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor, interest_minor, fee_minor) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(accountId, i.seq(), i.dueDate(), i.principal(), i.interest(), i.fees()).update();
        }
    }

    private void writeSchedule(String planId, List<PlanInstalment> schedule) {
        for (PlanInstalment i : schedule) {
            jdbc.sql("INSERT INTO plan_schedule (plan_id, seq, due_date, principal_minor, interest_minor, fee_minor, kind) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(planId, i.seq(), i.dueDate(), i.principal(), i.interest(), i.fees(), i.kind().name())
                    .update();
        }
    }

    private void history(String planId, String status, Instant at, String by, LocalDate asOf, String note) {
        jdbc.sql("INSERT INTO plan_status_history (plan_id, status, changed_at, changed_by, as_of, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(planId, status, Timestamp.from(at), by, asOf, note).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- monitor ---------------------------------------------------------------------------------------------------

    /** What one monitoring pass did. */
    public record Monitored(int checked, int completed, int broken, int reverted) {
    }

    /**
     * Checks every ACTIVE plan in force on {@code asOf} against the account as of {@code asOf} (its schedule is the
     * plan's): paid through its last plan instalment → COMPLETED (waiver GRANTED); dpd beyond the policy's grace →
     * BROKEN, and when the policy says so for its type REVERTED (original instalments restored, waiver REINSTATED).
     * Each plan in a transaction of its own.
     */
    public Monitored monitor(LocalDate asOf) {
        PlanPolicy policy = settings.policy();
        DelinquencyPolicy delinquencyPolicy = delinquency.current();
        List<Stored> active = jdbc.sql(Stored.SELECT + " WHERE status = 'ACTIVE' AND effective_on <= ? ORDER BY plan_id")
                .param(asOf).query(this::storedRow).list();
        int completed = 0;
        int broken = 0;
        int reverted = 0;
        for (Stored plan : active) {
            Optional<AccountSnapshot> snapshot = portfolio.load(plan.accountId());
            if (snapshot.isEmpty()) {
                continue;
            }
            var a = DelinquencyCalculator.assessWithAllocation(snapshot.get().account(), snapshot.get().installments(),
                    snapshot.get().payments(), asOf, delinquencyPolicy);
            long cash = a.principalPaid() + a.interestPaid() + a.feesPaid();
            var standing = org.recoup.engine.plan.PlanProgress.evaluate(schedule(plan.planId()), cash, a.state().dpd(),
                    policy.graceDays());
            Instant now = clock.instant();
            switch (standing) {
                case KEPT -> {
                }
                case COMPLETED -> {
                    if (Boolean.TRUE.equals(tx.execute(s -> close(plan, "COMPLETED", asOf, now,
                            "paid through the last plan instalment", "GRANTED")))) {
                        completed++;
                    }
                }
                case BROKEN -> {
                    boolean revert = policy.revertOnBreak().contains(plan.terms().type());
                    String note = "dpd " + a.state().dpd() + " beyond the plan grace of " + policy.graceDays() + " days";
                    Boolean done = tx.execute(s -> {
                        if (!close(plan, "BROKEN", asOf, now, note, revert ? "REINSTATED" : null)) {
                            return false;
                        }
                        if (revert) {
                            revert(plan, asOf, now);
                        }
                        return true;
                    });
                    if (Boolean.TRUE.equals(done)) {
                        broken++;
                        reverted += revert ? 1 : 0;
                    }
                }
            }
        }
        return new Monitored(active.size(), completed, broken, reverted);
    }

    private boolean close(Stored plan, String status, LocalDate asOf, Instant now, String note, String waiverStatus) {
        int changed = jdbc.sql("UPDATE repayment_plan SET status = ?, closed_on = ? WHERE plan_id = ? AND status = 'ACTIVE'")
                .params(status, asOf, plan.planId()).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM plan_open_account WHERE plan_id = ?").param(plan.planId()).update();
        if (waiverStatus != null) {
            jdbc.sql("UPDATE plan_waiver SET status = ?, updated_on = ? WHERE plan_id = ?")
                    .params(waiverStatus, asOf, plan.planId()).update();
        }
        history(plan.planId(), status, now, "system", asOf, note);
        return true;
    }

    private void revert(Stored plan, LocalDate asOf, Instant now) {
        jdbc.sql("DELETE FROM installment WHERE account_id = ?").param(plan.accountId()).update();
        jdbc.sql("""
                        INSERT INTO installment (account_id, seq, due_date, principal_minor, interest_minor, fee_minor)
                        SELECT account_id, seq, due_date, principal_minor, interest_minor, fee_minor
                        FROM plan_original_installment WHERE plan_id = ?""")
                .param(plan.planId()).update();
        jdbc.sql("UPDATE repayment_plan SET status = 'REVERTED' WHERE plan_id = ?").param(plan.planId()).update();
        history(plan.planId(), "REVERTED", now, "system", asOf, "original schedule restored; waiver reinstated");
    }

    // ---- read ------------------------------------------------------------------------------------------------------

    record Stored(String planId, String caseId, String accountId, String status, PlanTerms terms, String proposedBy,
                  String requiredLevel) {
        static final String SELECT = "SELECT plan_id, case_id, account_id, status, terms, proposed_by, required_level "
                + "FROM repayment_plan";
    }

    private Stored storedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                json.readValue(rs.getString(5), PlanTerms.class), rs.getString(6), rs.getString(7));
    }

    private Optional<Stored> stored(String planId) {
        return jdbc.sql(Stored.SELECT + " WHERE plan_id = ?").param(planId).query(this::storedRow).optional();
    }

    private List<PlanInstalment> schedule(String planId) {
        return jdbc.sql("SELECT seq, due_date, principal_minor, interest_minor, fee_minor, kind FROM plan_schedule "
                        + "WHERE plan_id = ? ORDER BY seq").param(planId)
                .query((rs, n) -> new PlanInstalment(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), PlanInstalment.Kind.valueOf(rs.getString(6))))
                .list();
    }

    /** The plan when the actor may see its case; empty otherwise (callers answer 404). */
    public Optional<PlanView> view(String planId, Actor actor) {
        return stored(planId).filter(p -> scope.maySeeCase(actor, p.caseId())).flatMap(p -> view(planId));
    }

    /** The plans of a case, newest first. */
    public List<PlanView> forCase(String caseId, Actor actor) {
        if (!scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
        return jdbc.sql("SELECT plan_id FROM repayment_plan WHERE case_id = ? ORDER BY proposed_at DESC, plan_id")
                .param(caseId).query(String.class).list().stream().map(id -> view(id).orElseThrow()).toList();
    }

    /** Plans of the actor's scope with a status (all when null), newest first, at most {@code limit}. */
    public List<PlanView> list(Actor actor, String status, int limit) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "p.case_id");
        List<Object> params = new ArrayList<>(filter.params());
        String where = " WHERE " + filter.sql();
        if (status != null) {
            where += " AND p.status = ?";
            params.add(status);
        }
        return jdbc.sql("SELECT p.plan_id FROM repayment_plan p" + where
                        + " ORDER BY p.proposed_at DESC, p.plan_id FETCH FIRST " + Math.max(1, Math.min(limit, 1000))
                        + " ROWS ONLY")
                .params(params).query(String.class).list().stream().map(id -> view(id).orElseThrow()).toList();
    }

    /**
     * The approval queue of {@code actor}: pending plans of their scope proposed by someone else that their authority
     * covers, oldest first (the escalation chain: a plan beyond a level's limit shows only from the level that covers it).
     */
    public List<PlanView> approvalQueue(Actor actor) {
        Optional<String> level = levelOf(actor);
        if (level.isEmpty()) {
            return List.of();
        }
        AuthorityLimits limits = settings.limits();
        int rank = limits.rank(level.get());
        if (rank < 0) {
            return List.of();
        }
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "p.case_id");
        List<Object> params = new ArrayList<>(filter.params());
        params.add(actor.username());
        return jdbc.sql("SELECT p.plan_id, p.required_level FROM repayment_plan p WHERE " + filter.sql()
                        + " AND p.status = 'PENDING_APPROVAL' AND p.proposed_by <> ? ORDER BY p.proposed_at, p.plan_id")
                .params(params)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(row -> limits.rank(row[1]) >= 0 && limits.rank(row[1]) <= rank)
                .map(row -> view(row[0]).orElseThrow()).toList();
    }

    Optional<PlanView> view(String planId) {
        return jdbc.sql("""
                        SELECT plan_id, case_id, account_id, plan_type, status, terms, reason, currency, balance_minor,
                               waived_minor, waived_percent, plan_instalments, length_months, required_level,
                               within_maker_limit, proposed_by, proposed_at, proposed_on, decided_by, decided_at,
                               decision_note, effective_on, closed_on, document_id
                        FROM repayment_plan WHERE plan_id = ?""")
                .param(planId)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Timestamp decidedAt = rs.getTimestamp("decided_at");
                    return new PlanView(rs.getString("plan_id"), rs.getString("case_id"), rs.getString("account_id"),
                            rs.getString("plan_type"), rs.getString("status"),
                            json.readValue(rs.getString("terms"), PlanTerms.class), rs.getString("reason"),
                            currency.getCurrencyCode(), money(rs.getLong("balance_minor"), currency),
                            money(rs.getLong("waived_minor"), currency), rs.getBigDecimal("waived_percent"),
                            waiver(planId, currency), rs.getInt("plan_instalments"), rs.getInt("length_months"),
                            rs.getString("required_level"), rs.getBoolean("within_maker_limit"),
                            rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
                            rs.getObject("proposed_on", LocalDate.class), rs.getString("decided_by"),
                            decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"),
                            rs.getObject("effective_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                            rs.getString("document_id"), rows(planId, currency), changes(planId));
                })
                .optional();
    }

    private PlanView.Waiver waiver(String planId, Currency c) {
        return jdbc.sql("SELECT principal_minor, interest_minor, fee_minor, penalty_minor, status FROM plan_waiver "
                        + "WHERE plan_id = ?").param(planId)
                .query((rs, n) -> new PlanView.Waiver(money(rs.getLong(1), c), money(rs.getLong(2), c),
                        money(rs.getLong(3), c), money(rs.getLong(4), c),
                        money(rs.getLong(1) + rs.getLong(2) + rs.getLong(3) + rs.getLong(4), c), rs.getString(5)))
                .optional().orElse(null);
    }

    private List<PlanView.Row> rows(String planId, Currency c) {
        return schedule(planId).stream().map(i -> new PlanView.Row(i.seq(), i.dueDate(), money(i.principal(), c),
                money(i.interest(), c), money(i.fees(), c), money(i.due(), c), i.kind().name())).toList();
    }

    private List<PlanView.Change> changes(String planId) {
        return jdbc.sql("SELECT status, changed_at, changed_by, as_of, note FROM plan_status_history WHERE plan_id = ? "
                        + "ORDER BY history_id").param(planId)
                .query((rs, n) -> new PlanView.Change(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    /** A case for which a recent run's strategy asked for a restructure offer (TASK RESTRUCTURE_OFFER). */
    public record Suggestion(String caseId, String accounts, String ruleId, LocalDate asOf, int priority) {
    }

    /**
     * Cases of the actor's scope for which a run of the last {@code days} business days up to today planned a
     * RESTRUCTURE_OFFER task (the strategy's way of asking for a plan) and that have no open plan; latest first.
     */
    public List<Suggestion> suggestions(Actor actor, int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "a.case_id");
        List<Object> params = new ArrayList<>(List.of(today.minusDays(days), today));
        params.addAll(filter.params());
        return jdbc.sql("SELECT a.case_id, a.accounts, a.rule_id, a.as_of, a.priority FROM run_action a "
                        + "WHERE a.action = 'RESTRUCTURE_OFFER' AND a.kind = 'TASK' AND a.status <> 'DROPPED' "
                        + "AND a.as_of BETWEEN ? AND ? "
                        + "AND NOT EXISTS (SELECT 1 FROM repayment_plan p WHERE p.case_id = a.case_id "
                        + "AND p.status IN ('PENDING_APPROVAL', 'ACTIVE')) AND " + filter.sql()
                        + " ORDER BY a.as_of DESC, a.priority DESC, a.case_id FETCH FIRST "
                        + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Suggestion(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)))
                .list().stream().filter(distinctCase()).toList();
    }

    private static java.util.function.Predicate<Suggestion> distinctCase() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return s -> seen.add(s.caseId());
    }

    /** The accounts of a case (the borrower's), for the proposal form. */
    List<String> accountsOfCase(String caseId) {
        return jdbc.sql("SELECT account_id FROM account_party WHERE role = 'BORROWER' AND 'C-' || party_id = ? "
                + "ORDER BY account_id").param(caseId).query(String.class).list();
    }

    static BigDecimal money(long minor, Currency c) {
        return BigDecimal.valueOf(minor, c.getDefaultFractionDigits());
    }

    static boolean isApprover(Actor actor) {
        return actor.role() != Role.COMPLIANCE && actor.role() != Role.AGENCY;
    }
}
