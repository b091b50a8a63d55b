package org.recoup.app.legal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.compliance.GatedContacts;
import org.recoup.app.document.Documents;
import org.recoup.app.document.PdfDocuments;
import org.recoup.app.document.StoredDocument;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.recoup.app.security.Role;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.legal.LegalStep;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal matters: proposed by a strategy's {@code LEGAL_REVIEW} task or an agent and approved by a supervisor, or
 * started by a supervisor; then its steps in order (LAWYER_LETTER → MEDIATION → LAWSUIT → JUDGMENT → ENFORCEMENT, the
 * first two optional), each with its date, court and case number, next deadline, costs and documents. Recording a
 * lawyer's letter generates it as a PDF in Chinese, keeps it with the case's documents and records the letter as a
 * contact through the compliance gate. Only supervisors and administrators approve and record steps.
 */
@Service
public class LegalMatters {

    public record NewMatter(String accountId, String reason) {
    }

    public record Decision(String decision, String note) {
    }

    public record NewCost(String description, BigDecimal amount, String currency) {
    }

    /** {@code documentId}: an uploaded case document for the step (a judgment, a mediation record); optional. */
    public record NewStep(String step, LocalDate date, String court, String courtCaseNumber, LocalDate nextDeadline,
                          String deadlineNote, String note, List<NewCost> costs, String documentId) {
    }

    public record Receipt(LocalDate receiptDate, String reference) {
    }

    public record Deadline(LocalDate nextDeadline, String note) {
    }

    /** A deadline on the deadline list. */
    public record UpcomingDeadline(String matterId, String caseId, String accountId, String step, LocalDate deadline,
                                   String note, long daysLeft, String court, String courtCaseNumber) {
    }

    private final JdbcClient jdbc;
    private final CaseScope scope;
    private final Documents documents;
    private final PdfDocuments pdf;
    private final GatedContacts contacts;
    private final Clock clock;

    LegalMatters(JdbcClient jdbc, CaseScope scope, Documents documents, PdfDocuments pdf, GatedContacts contacts,
                 Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.documents = documents;
        this.pdf = pdf;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Starts a matter: OPEN when a supervisor or administrator starts it, else PROPOSED for their approval. */
    @Transactional
    public MatterView start(Actor actor, String caseId, NewMatter body) {
        requireCase(actor, caseId);
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            throw ApiProblem.badRequest("INVALID_MATTER", "reason", "a reason of 1–1000 characters is required");
        }
        if (body.accountId() == null || body.accountId().isBlank()) {
            throw ApiProblem.badRequest("INVALID_MATTER", "accountId", "the account (debt) the matter is about is required");
        }
        boolean inCase = jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ? AND party_id = ? "
                + "AND role = 'BORROWER'").params(body.accountId(), caseId.substring(2)).query(Long.class).single() > 0;
        if (!inCase) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_NOT_IN_CASE", "accountId",
                    "account " + body.accountId() + " is not an account of case " + caseId);
        }
        jdbc.sql("SELECT account_id FROM account WHERE account_id = ? FOR UPDATE").param(body.accountId())
                .query(String.class).single();
        Optional<String> running = jdbc.sql("SELECT matter_id FROM legal_matter WHERE account_id = ? "
                + "AND status IN ('PROPOSED', 'OPEN')").param(body.accountId()).query(String.class).optional();
        if (running.isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "MATTER_EXISTS", "accountId",
                    "account " + body.accountId() + " already has legal matter " + running.get());
        }
        boolean approver = approver(actor);
        String id = "LM-" + UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO legal_matter (matter_id, case_id, account_id, source, reason, status, created_by,
                                                  created_at, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, body.accountId(), approver ? "SUPERVISOR" : "AGENT", reason,
                        approver ? "OPEN" : "PROPOSED", actor.username(), Timestamp.from(now),
                        approver ? actor.username() : null, approver ? Timestamp.from(now) : null)
                .update();
        return view(id);
    }

    /**
     * After a run: a PROPOSED matter for each case whose run asked for a legal review, on the first account the run
     * named, unless that account already has a proposed or open matter. Returns how many were created.
     */
    @Transactional
    public int proposeFromRun(LocalDate asOf) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT ra.case_id, ra.accounts, ra.rule_id FROM run_action ra
                        WHERE ra.as_of = ? AND ra.kind = 'TASK' AND ra.action = 'LEGAL_REVIEW' AND ra.status <> 'DROPPED'
                          AND NOT EXISTS (SELECT 1 FROM legal_matter m WHERE m.case_id = ra.case_id
                                          AND (m.status IN ('PROPOSED', 'OPEN') OR m.run_as_of = ra.as_of))
                        ORDER BY ra.case_id""")
                .param(asOf).query().listOfRows();
        Instant now = clock.instant();
        for (Map<String, Object> r : rows) {
            jdbc.sql("""
                            INSERT INTO legal_matter (matter_id, case_id, account_id, source, run_as_of, reason, status,
                                                      created_by, created_at)
                            VALUES (?, ?, ?, 'RUN', ?, ?, 'PROPOSED', 'system', ?)""")
                    .params("LM-" + UUID.randomUUID(), r.get("case_id"), ((String) r.get("accounts")).split(",")[0], asOf,
                            "strategy rule " + r.get("rule_id") + " asked for a legal review (run of " + asOf + ")",
                            Timestamp.from(now))
                    .update();
        }
        return rows.size();
    }

    @Transactional
    public MatterView decide(Actor actor, String matterId, Decision d) {
        requireApprover(actor);
        MatterView m = find(actor, matterId);
        lock(matterId);
        String status = status(matterId);
        if (!"PROPOSED".equals(status)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "MATTER_ALREADY_DECIDED", null,
                    "legal matter " + m.matterId() + " is " + status + "; only a PROPOSED matter is approved or rejected");
        }
        String note = d.note() == null ? null : d.note().strip();
        String to = switch (d.decision() == null ? "" : d.decision()) {
            case "APPROVE" -> "OPEN";
            case "REJECT" -> {
                if (note == null || note.isEmpty()) {
                    throw ApiProblem.badRequest("INVALID_DECISION", "note", "a rejection needs a note saying why");
                }
                yield "REJECTED";
            }
            default -> throw ApiProblem.badRequest("INVALID_DECISION", "decision", "decision must be APPROVE or REJECT");
        };
        jdbc.sql("UPDATE legal_matter SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE matter_id = ?")
                .params(to, actor.username(), Timestamp.from(clock.instant()), note, matterId).update();
        return view(matterId);
    }

    /** Records the next step of an open matter, in order, with its costs (and, for a lawyer's letter, the letter). */
    @Transactional
    public MatterView addStep(Actor actor, String matterId, NewStep body) {
        requireApprover(actor);
        MatterView m = find(actor, matterId);
        lock(matterId);
        if (!"OPEN".equals(status(matterId))) {
            throw new ApiProblem(HttpStatus.CONFLICT, "MATTER_NOT_OPEN", null,
                    "legal matter " + matterId + " is " + status(matterId) + "; steps are recorded on an OPEN matter");
        }
        LegalStep step;
        try {
            step = LegalStep.valueOf(body.step() == null ? "" : body.step());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_STEP", "step",
                    "step must be LAWYER_LETTER, MEDIATION, LAWSUIT, JUDGMENT or ENFORCEMENT");
        }
        List<LegalStep> done = view(matterId).steps().stream().map(s -> LegalStep.valueOf(s.step())).toList();
        String refusal = LegalStep.refusal(done, step);
        if (refusal != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "STEP_OUT_OF_ORDER", "step", refusal);
        }
        ZoneId zone = zone(m.accountId());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (body.date() == null) {
            throw ApiProblem.badRequest("INVALID_STEP", "date", "the date of the step is required");
        }
        if (body.date().isAfter(today)) {
            throw ApiProblem.badRequest("INVALID_STEP", "date", "a step is recorded when it happened; "
                    + body.date() + " is in the future");
        }
        LocalDate previous = m.steps().isEmpty() ? null : m.steps().getLast().date();
        if (previous != null && body.date().isBefore(previous)) {
            throw ApiProblem.badRequest("INVALID_STEP", "date", "the step's date " + body.date()
                    + " is before the previous step's (" + previous + ")");
        }
        String court = blankToNull(body.court());
        String caseNumber = blankToNull(body.courtCaseNumber());
        if ((step == LegalStep.LAWSUIT || step == LegalStep.JUDGMENT || step == LegalStep.ENFORCEMENT) && court == null) {
            throw ApiProblem.badRequest("INVALID_STEP", "court", step + " needs the court");
        }
        if ((step == LegalStep.JUDGMENT || step == LegalStep.ENFORCEMENT) && caseNumber == null) {
            throw ApiProblem.badRequest("INVALID_STEP", "courtCaseNumber", step + " needs the court's case number");
        }
        if (body.nextDeadline() != null && body.nextDeadline().isBefore(body.date())) {
            throw ApiProblem.badRequest("INVALID_STEP", "nextDeadline", "the next deadline cannot be before the step");
        }
        List<NewCost> costs = body.costs() == null ? List.of() : body.costs();
        List<long[]> minors = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            minors.add(new long[] {minor(costs.get(i), "costs[" + i + "]")});
        }
        Instant now = clock.instant();
        String documentId = blankToNull(body.documentId());
        if (documentId != null && documents.find(documentId).filter(d -> m.caseId().equals(d.caseId())).isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_DOCUMENT", "documentId",
                    "document " + documentId + " is not a document of case " + m.caseId());
        }
        if (step == LegalStep.LAWYER_LETTER) {
            String generated = lawyerLetter(m, body.date(), actor.username(), now, documentId == null);
            documentId = documentId == null ? generated : documentId;
        }
        try {
            jdbc.sql("""
                            INSERT INTO legal_step (matter_id, step, step_date, court, court_case_number, next_deadline,
                                                    deadline_note, document_id, note, recorded_by, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(matterId, step.name(), body.date(), court, caseNumber, body.nextDeadline(),
                            blankToNull(body.deadlineNote()), documentId, blankToNull(body.note()), actor.username(),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "STEP_OUT_OF_ORDER", "step", step + " is already recorded");
        }
        for (int i = 0; i < costs.size(); i++) {
            NewCost c = costs.get(i);
            jdbc.sql("""
                            INSERT INTO legal_cost (cost_id, matter_id, step, description, amount_minor, currency,
                                                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params("LC-" + UUID.randomUUID(), matterId, step.name(), c.description().strip(), minors.get(i)[0],
                            c.currency(), actor.username(), Timestamp.from(now))
                    .update();
        }
        return view(matterId);
    }

    /** The delivery receipt of the matter's lawyer's letter (interrupts the limitation period from its date). */
    @Transactional
    public MatterView receipt(Actor actor, String matterId, Receipt body) {
        requireApprover(actor);
        MatterView m = find(actor, matterId);
        MatterView.Step letter = m.steps().stream().filter(s -> s.step().equals("LAWYER_LETTER")).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "NO_LAWYER_LETTER", null,
                        "legal matter " + matterId + " has no lawyer's letter to record a receipt for"));
        if (body.receiptDate() == null) {
            throw ApiProblem.badRequest("INVALID_RECEIPT", "receiptDate", "the date of the delivery receipt is required");
        }
        if (body.receiptDate().isBefore(letter.date())
                || body.receiptDate().isAfter(clock.instant().atZone(zone(m.accountId())).toLocalDate())) {
            throw ApiProblem.badRequest("INVALID_RECEIPT", "receiptDate", "the receipt date must be between the letter's "
                    + "date (" + letter.date() + ") and today");
        }
        String reference = blankToNull(body.reference());
        if (reference == null || reference.length() > 200) {
            throw ApiProblem.badRequest("INVALID_RECEIPT", "reference",
                    "the receipt's reference (e.g. the registered mail number) of 1–200 characters is required");
        }
        jdbc.sql("UPDATE legal_step SET receipt_date = ?, receipt_reference = ? WHERE matter_id = ? AND step = 'LAWYER_LETTER'")
                .params(body.receiptDate(), reference, matterId).update();
        return view(matterId);
    }

    /** Moves the next deadline of the matter's current step (a hearing postponed, a term extended). */
    @Transactional
    public MatterView deadline(Actor actor, String matterId, Deadline body) {
        requireApprover(actor);
        MatterView m = find(actor, matterId);
        if (m.steps().isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "NO_STEP", null, "legal matter " + matterId + " has no step yet");
        }
        MatterView.Step current = m.steps().getLast();
        if (body.nextDeadline() != null && body.nextDeadline().isBefore(current.date())) {
            throw ApiProblem.badRequest("INVALID_STEP", "nextDeadline", "the next deadline cannot be before the step");
        }
        jdbc.sql("UPDATE legal_step SET next_deadline = ?, deadline_note = ? WHERE matter_id = ? AND step = ?")
                .params(body.nextDeadline(), blankToNull(body.note()), matterId, current.step()).update();
        return view(matterId);
    }

    /** The matters in the actor's scope, newest first; {@code status} null: all. */
    public List<MatterView> list(Actor actor, String status) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "m.case_id");
        List<Object> params = new ArrayList<>(filter.params());
        String where = filter.sql();
        if (status != null && !status.isBlank()) {
            where += " AND m.status = ?";
            params.add(status);
        }
        return jdbc.sql("SELECT m.matter_id FROM legal_matter m WHERE " + where
                        + " ORDER BY m.created_at DESC, m.matter_id FETCH FIRST 500 ROWS ONLY")
                .params(params).query(String.class).list().stream().map(this::view).toList();
    }

    public MatterView find(Actor actor, String matterId) {
        String caseId = jdbc.sql("SELECT case_id FROM legal_matter WHERE matter_id = ?").param(matterId)
                .query(String.class).optional().orElseThrow(() -> ApiProblem.notFound("legal matter", matterId));
        if (!scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("legal matter", matterId);
        }
        return view(matterId);
    }

    /**
     * Deadlines of open matters due within {@code withinDays} of {@code asOf} (overdue ones included, negative days
     * left): the next deadline of each matter's current step, soonest first.
     */
    public List<UpcomingDeadline> deadlines(Actor actor, LocalDate asOf, int withinDays) {
        CaseScope.Filter filter = CaseScope.sqlFilter(actor, "m.case_id");
        List<Object> params = new ArrayList<>();
        params.add(asOf.plusDays(withinDays));
        params.addAll(filter.params());
        return jdbc.sql("""
                        SELECT m.matter_id, m.case_id, m.account_id, s.step, s.next_deadline, s.deadline_note, s.court,
                               s.court_case_number
                        FROM legal_matter m JOIN legal_step s ON s.matter_id = m.matter_id
                        WHERE m.status = 'OPEN' AND s.next_deadline IS NOT NULL AND s.next_deadline <= ?
                          AND s.recorded_at = (SELECT MAX(s2.recorded_at) FROM legal_step s2 WHERE s2.matter_id = m.matter_id)
                          AND """ + " " + filter.sql() + " ORDER BY s.next_deadline, m.matter_id")
                .params(params)
                .query((rs, n) -> new UpcomingDeadline(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6),
                        ChronoUnit.DAYS.between(asOf, rs.getDate(5).toLocalDate()), rs.getString(7), rs.getString(8)))
                .list();
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** Records the letter as a contact through the gate and, when {@code generate}, renders and keeps its PDF. */
    private String lawyerLetter(MatterView m, LocalDate date, String user, Instant now, boolean generate) {
        Map<String, Object> facts = jdbc.sql("""
                        SELECT a.currency, a.creditor, p.party_id, p.name FROM account a
                        JOIN account_party ap ON ap.account_id = a.account_id AND ap.role = 'BORROWER'
                        JOIN party p ON p.party_id = ap.party_id WHERE a.account_id = ?""")
                .param(m.accountId()).query().singleRow();
        long due = jdbc.sql("SELECT COALESCE(SUM(principal_minor + interest_minor + fee_minor), 0) FROM installment "
                + "WHERE account_id = ? AND due_date <= ?").params(m.accountId(), date).query(Long.class).single();
        long paid = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM payment WHERE account_id = ?")
                .param(m.accountId()).query(Long.class).single();
        Currency currency = Currency.getInstance((String) facts.get("currency"));
        NumberFormat format = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        String amount = format.format(BigDecimal.valueOf(Math.max(0, due - paid), currency.getDefaultFractionDigits()));
        String creditor = facts.get("creditor") == null ? "债权人" : (String) facts.get("creditor");
        String name = (String) facts.get("name");
        String currencyName = "CNY".equals(currency.getCurrencyCode()) ? "人民币" : currency.getCurrencyCode() + " ";
        List<String> paragraphs = List.of(
                "本函受" + creditor + "（以下简称“委托方”）委托，就您在账户 " + m.accountId() + " 项下的欠款事宜致函。",
                "根据委托方提供的账目，截至" + date + "，该账户已到期未偿还的款项为" + currencyName + amount
                        + "元（以委托方最终核对的账目为准）。",
                "请您自收到本函之日起十五日内，通过委托方公布的正规还款渠道（银行转账或官方线上渠道）清偿上述款项，"
                        + "或主动联系委托方协商还款安排。任何工作人员均不会上门收取现金，请勿向个人账户付款。",
                "如您对上述欠款有异议，请在同一期限内提出书面意见并提供相关材料，委托方将予以核实。",
                "本函同时作为委托方向您主张债权的书面通知。委托方保留依法通过调解或诉讼等途径主张权利的权利。");
        String documentId = null;
        if (generate) {
            byte[] bytes = pdf.generic(new PdfDocuments.GenericDocument("律师函", "委托方：" + creditor, "致：" + name,
                    paragraphs, List.of("账户", "截至日期", "到期未还金额"),
                    List.of(List.of(m.accountId(), date.toString(), currencyName + amount)),
                    List.of("承办律师（签字）：", "日期：" + date), "编号：" + m.matterId()), Locale.SIMPLIFIED_CHINESE);
            StoredDocument doc = documents.store(new Documents.NewDocument(m.caseId(), m.accountId(), "LAWYER_LETTER",
                    "律师函-" + m.accountId() + ".pdf", "application/pdf", bytes, "legal matter " + m.matterId(), user));
            documentId = doc.documentId();
        }
        // the letter is a lawyer's document, not a collector's message: the gate checks the contact (holds, status, caps)
        // but not its wording, which names a lawyer and forbids cash on purpose
        GatedContacts.Result gated = contacts.record(new GatedContacts.Contact("legal-" + m.matterId() + "-letter",
                m.accountId(), (String) facts.get("party_id"), null, Channel.LETTER, now, null,
                Purpose.COLLECTION, null), user);
        if (!gated.recorded()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "LETTER_BLOCKED", "step",
                    "the compliance gate does not allow the lawyer's letter: " + gated.verdict().reasons().stream()
                            .map(r -> r.code() + " (" + r.message() + ")").toList());
        }
        return documentId;
    }

    private long minor(NewCost c, String field) {
        if (c == null || c.description() == null || c.description().isBlank() || c.description().length() > 200) {
            throw ApiProblem.badRequest("INVALID_COST", field + ".description", "a description of 1–200 characters is required");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(c.currency() == null ? "" : c.currency());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_COST", field + ".currency", "an ISO 4217 currency code is required");
        }
        if (c.amount() == null || c.amount().signum() <= 0) {
            throw ApiProblem.badRequest("INVALID_COST", field + ".amount", "a positive amount is required");
        }
        if (c.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw ApiProblem.badRequest("INVALID_COST", field + ".amount", currency.getCurrencyCode() + " has "
                    + currency.getDefaultFractionDigits() + " decimal digits");
        }
        try {
            return c.amount().movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        } catch (ArithmeticException e) {
            throw ApiProblem.badRequest("INVALID_COST", field + ".amount", "the amount is too large");
        }
    }

    private static boolean approver(Actor actor) {
        return actor.role() == Role.ADMIN || actor.role() == Role.SUPERVISOR;
    }

    private static void requireApprover(Actor actor) {
        if (!approver(actor)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_AN_APPROVER", null,
                    "only a supervisor or an administrator approves legal matters and records their steps");
        }
    }

    private void requireCase(Actor actor, String caseId) {
        boolean exists = caseId != null && caseId.startsWith("C-") && jdbc.sql(
                        "SELECT COUNT(*) FROM account_party WHERE party_id = ? AND role = 'BORROWER'")
                .param(caseId.substring(2)).query(Long.class).single() > 0;
        if (!exists || !scope.maySeeCase(actor, caseId)) {
            throw ApiProblem.notFound("case", caseId);
        }
    }

    private void lock(String matterId) {
        jdbc.sql("SELECT matter_id FROM legal_matter WHERE matter_id = ? FOR UPDATE").param(matterId)
                .query(String.class).single();
    }

    private String status(String matterId) {
        return jdbc.sql("SELECT status FROM legal_matter WHERE matter_id = ?").param(matterId).query(String.class).single();
    }

    private ZoneId zone(String accountId) {
        return Limitations.zone(jdbc.sql("SELECT p.time_zone FROM account_party ap JOIN party p ON p.party_id = "
                + "ap.party_id WHERE ap.account_id = ? AND ap.role = 'BORROWER'").param(accountId).query(String.class).list()
                .stream().findFirst().orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    MatterView view(String matterId) {
        Map<String, List<MatterView.Cost>> costs = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.sql("SELECT cost_id, step, description, amount_minor, currency FROM legal_cost WHERE matter_id = ? "
                        + "ORDER BY recorded_at, cost_id").param(matterId)
                .query((rs, n) -> {
                    Currency c = Currency.getInstance(rs.getString(5));
                    BigDecimal amount = BigDecimal.valueOf(rs.getLong(4), c.getDefaultFractionDigits());
                    costs.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new MatterView.Cost(rs.getString(1), rs.getString(3), amount, c.getCurrencyCode()));
                    totals.merge(c.getCurrencyCode(), amount, BigDecimal::add);
                    return 1;
                }).list();
        List<MatterView.Step> steps = jdbc.sql("SELECT * FROM legal_step WHERE matter_id = ?").param(matterId)
                .query((rs, n) -> new MatterView.Step(rs.getString("step"), date(rs, "step_date"), rs.getString("court"),
                        rs.getString("court_case_number"), date(rs, "next_deadline"), rs.getString("deadline_note"),
                        rs.getString("document_id"), date(rs, "receipt_date"), rs.getString("receipt_reference"),
                        rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                        costs.getOrDefault(rs.getString("step"), List.of())))
                .list().stream().sorted(java.util.Comparator.comparing(s -> LegalStep.valueOf(s.step()).ordinal()))
                .toList();
        List<MatterView.Total> costTotals = totals.entrySet().stream()
                .map(e -> new MatterView.Total(e.getKey(), e.getValue())).toList();
        return jdbc.sql("SELECT * FROM legal_matter WHERE matter_id = ?").param(matterId)
                .query((rs, n) -> new MatterView(rs.getString("matter_id"), rs.getString("case_id"),
                        rs.getString("account_id"), rs.getString("source"), date(rs, "run_as_of"), rs.getString("reason"),
                        rs.getString("status"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_note"), steps,
                        costTotals))
                .single();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
