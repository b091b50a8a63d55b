package org.recoup.app.property;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.document.Documents;
import org.recoup.app.document.PdfDocuments;
import org.recoup.app.document.StoredDocument;
import org.recoup.app.security.Actor;
import org.recoup.engine.property.LateFeePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催款通知单: a notice to the owner of a unit listing every overdue fee bill as of a date with its late fee, the total
 * and how to pay — a Chinese PDF kept in the owner's case documents (kind {@value #KIND}) — and the signed receipt
 * uploaded for it (kind {@value #RECEIPT_KIND}, linked to the notice; one per notice).
 */
@Service
class Notices {

    static final String KIND = "PAYMENT_NOTICE";
    static final String RECEIPT_KIND = "SIGNED_RECEIPT";

    record Request(String partyId, String building, String unit, LocalDate asOf) {
    }

    record Line(String accountId, String period, String feeType, LocalDate dueDate, BigDecimal feeOutstanding,
                BigDecimal lateFee, int overdueDays) {
    }

    record Notice(String noticeId, String partyId, String ownerName, String building, String unit, LocalDate asOf,
                  String currency, BigDecimal feeOutstanding, BigDecimal lateFee, BigDecimal total, String documentId,
                  String receiptDocumentId, LocalDate receiptSignedOn, List<Line> lines) {
    }

    /** {@code created} false: an earlier request with the same idempotency key. */
    record Issued(Notice notice, boolean created) {
    }

    private final FeeLedger ledger;
    private final PdfDocuments pdf;
    private final Documents documents;
    private final JdbcClient jdbc;
    private final Clock clock;

    Notices(FeeLedger ledger, PdfDocuments pdf, Documents documents, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.ledger = ledger;
        this.pdf = pdf;
        this.documents = documents;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    Issued issue(Actor actor, Request request, String idempotencyKey, String user) {
        if (request == null || request.partyId() == null || request.partyId().isBlank()) {
            throw ApiProblem.badRequest("INVALID_NOTICE", "partyId", "partyId (the owner) is required");
        }
        if (request.building() == null || request.building().isBlank()) {
            throw ApiProblem.badRequest("INVALID_NOTICE", "building", "building is required");
        }
        if (request.unit() == null || request.unit().isBlank()) {
            throw ApiProblem.badRequest("INVALID_NOTICE", "unit", "unit is required");
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        String hash = Documents.sha256((request.partyId() + "|" + request.building() + "|" + request.unit() + "|" + asOf)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            Optional<String[]> earlier = jdbc.sql("SELECT notice_id, request_hash FROM property_notice WHERE idempotency_key = ?")
                    .param(idempotencyKey).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (earlier.isPresent()) {
                if (!earlier.get()[1].equals(hash)) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                            "the key was used for another notice request");
                }
                return new Issued(find(actor, earlier.get()[0]).orElseThrow(), false);
            }
        }
        List<FeeLedger.Bill> bills = ledger.bills(actor, new FeeLedger.Filter(request.building().strip(),
                request.unit().strip(), request.partyId().strip(), null, null), asOf);
        if (bills.isEmpty()) {
            throw ApiProblem.notFound("fee bills of owner " + request.partyId() + " for", request.building() + " " + request.unit());
        }
        List<FeeLedger.Bill> due = bills.stream().filter(b -> b.dueDate().isBefore(asOf)
                && (b.status().feeOutstandingMinor() > 0 || b.status().lateFeeOutstandingMinor() > 0)).toList();
        if (due.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "NOTHING_OVERDUE", "unit",
                    "nothing is overdue for " + request.building() + " " + request.unit() + " on " + asOf);
        }
        String currency = due.getFirst().currency();
        int digits = BillingImport.digits(currency);
        long fee = due.stream().mapToLong(b -> b.status().feeOutstandingMinor()).sum();
        long late = due.stream().mapToLong(b -> b.status().lateFeeOutstandingMinor()).sum();
        String noticeId = "PN-" + UUID.randomUUID();
        LateFeePolicy policy = ledger.policy();
        String owner = due.getFirst().ownerName();
        List<List<String>> rows = new ArrayList<>();
        for (FeeLedger.Bill b : due) {
            rows.add(List.of(b.period(), b.feeType(), money(b.status().feeMinor(), digits),
                    money(b.status().feeOutstandingMinor(), digits), b.dueDate().toString(),
                    String.valueOf(b.status().overdueDays()), money(b.status().lateFeeOutstandingMinor(), digits)));
        }
        String rate = policy.ratePerDay().movePointRight(3).stripTrailingZeros().toPlainString();
        byte[] content = pdf.generic(new PdfDocuments.GenericDocument("催款通知单", "物业服务中心",
                "尊敬的 " + request.building() + " " + request.unit() + " 业主 " + owner + "：",
                List.of("截至 " + asOf + "，您名下房屋的以下物业服务费用已过缴费期限尚未缴清，欠费合计 " + money(fee, digits)
                                + " 元，滞纳金合计 " + money(late, digits) + " 元，应缴总额 " + money(fee + late, digits) + " 元。",
                        "滞纳金按欠费金额每日 " + rate + "‰ 计收" + (policy.graceDays() > 0 ? "（到期后 "
                                + policy.graceDays() + " 天宽限期内不计）" : "") + "，自缴清之日起停止计算。",
                        "缴费方式：" + policy.paymentInstructions(),
                        "如您已缴纳或对费用有异议，请携缴费凭证到物业服务中心核对。请在下方签收，谢谢配合。"),
                List.of("费用期间", "费用类型", "应缴金额", "未缴金额", "到期日", "逾期天数", "滞纳金"), rows,
                List.of("物业服务中心（盖章）    日期：" + asOf, "业主签收：______________    签收日期：______________"),
                "通知单编号 " + noticeId), Locale.SIMPLIFIED_CHINESE);
        StoredDocument doc = documents.store(new Documents.NewDocument("C-" + request.partyId(),
                due.getFirst().accountId(), KIND, "notice-" + asOf + ".pdf", "application/pdf", content,
                "催款通知单 " + noticeId, user));
        try {
            jdbc.sql("""
                            INSERT INTO property_notice (notice_id, party_id, building, unit, as_of, currency,
                                fee_outstanding_minor, late_fee_minor, document_id, idempotency_key, request_hash,
                                created_at, created_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(noticeId, request.partyId().strip(), request.building().strip(), request.unit().strip(), asOf,
                            currency, fee, late, doc.documentId(), idempotencyKey, hash,
                            Timestamp.from(clock.instant()), user)
                    .update();
        } catch (DuplicateKeyException concurrent) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key",
                    "a request with this key is being processed; retry to get its notice");
        }
        for (FeeLedger.Bill b : due) {
            jdbc.sql("""
                            INSERT INTO property_notice_line (notice_id, account_id, period, fee_type, due_date,
                                fee_outstanding_minor, late_fee_minor, overdue_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(noticeId, b.accountId(), b.period(), b.feeType(), b.dueDate(),
                            b.status().feeOutstandingMinor(), b.status().lateFeeOutstandingMinor(), b.status().overdueDays())
                    .update();
        }
        return new Issued(find(null, noticeId).orElseThrow(), true);
    }

    /** Stores the signed receipt of a notice; a notice has one receipt (409 for a second). */
    @Transactional
    Notice receipt(Actor actor, String noticeId, String filename, String contentType, byte[] content, LocalDate signedOn,
                   String user) {
        Notice notice = find(actor, noticeId).orElseThrow(() -> ApiProblem.notFound("notice", noticeId));
        if (notice.receiptDocumentId() != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "RECEIPT_EXISTS", "file",
                    "notice " + noticeId + " already has its signed receipt " + notice.receiptDocumentId());
        }
        LocalDate signed = signedOn != null ? signedOn : LocalDate.now(clock);
        if (signed.isBefore(notice.asOf())) {
            throw ApiProblem.badRequest("INVALID_RECEIPT", "signedOn", "signedOn (" + signed
                    + ") is before the notice date " + notice.asOf());
        }
        StoredDocument doc = documents.store(new Documents.NewDocument("C-" + notice.partyId(),
                notice.lines().getFirst().accountId(), RECEIPT_KIND, filename == null ? "receipt" : filename, contentType,
                content, "签收回执 of notice " + noticeId, user));
        int linked = jdbc.sql("UPDATE property_notice SET receipt_document_id = ?, receipt_signed_on = ?, "
                        + "receipt_uploaded_by = ? WHERE notice_id = ? AND receipt_document_id IS NULL")
                .params(doc.documentId(), signed, user, noticeId).update();
        if (linked == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "RECEIPT_EXISTS", "file",
                    "notice " + noticeId + " got its signed receipt at the same time");
        }
        return find(actor, noticeId).orElseThrow();
    }

    /** A notice with its lines, or empty when unknown or the owner is out of the actor's scope (null = no scope). */
    Optional<Notice> find(Actor actor, String noticeId) {
        return list(actor, noticeId, null, null).stream().findFirst();
    }

    List<Notice> list(Actor actor, String noticeId, String building, String unit) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (noticeId != null) {
            where.append(" AND n.notice_id = ?");
            params.add(noticeId);
        }
        if (building != null && !building.isBlank()) {
            where.append(" AND n.building = ?");
            params.add(building.strip());
        }
        if (unit != null && !unit.isBlank()) {
            where.append(" AND n.unit = ?");
            params.add(unit.strip());
        }
        if (actor != null) {
            var scope = org.recoup.app.security.CaseScope.sqlFilter(actor, "'C-' || n.party_id");
            where.append(" AND ").append(scope.sql());
            params.addAll(scope.params());
        }
        List<Notice> notices = jdbc.sql("""
                        SELECT n.notice_id, n.party_id, p.name, n.building, n.unit, n.as_of, n.currency,
                               n.fee_outstanding_minor, n.late_fee_minor, n.document_id, n.receipt_document_id,
                               n.receipt_signed_on
                        FROM property_notice n JOIN party p ON p.party_id = n.party_id WHERE\s""" + where
                        + " ORDER BY n.created_at DESC, n.notice_id FETCH FIRST 500 ROWS ONLY")
                .params(params)
                .query((rs, n) -> {
                    String cur = rs.getString("currency").strip();
                    int d = BillingImport.digits(cur);
                    long fee = rs.getLong("fee_outstanding_minor");
                    long late = rs.getLong("late_fee_minor");
                    java.sql.Date signed = rs.getDate("receipt_signed_on");
                    return new Notice(rs.getString("notice_id"), rs.getString("party_id"), rs.getString("name"),
                            rs.getString("building"), rs.getString("unit"), rs.getDate("as_of").toLocalDate(), cur,
                            BigDecimal.valueOf(fee, d), BigDecimal.valueOf(late, d), BigDecimal.valueOf(fee + late, d),
                            rs.getString("document_id"), rs.getString("receipt_document_id"),
                            signed == null ? null : signed.toLocalDate(), List.of());
                }).list();
        List<Notice> withLines = new ArrayList<>();
        for (Notice n : notices) {
            int d = BillingImport.digits(n.currency());
            List<Line> lines = jdbc.sql("SELECT account_id, period, fee_type, due_date, fee_outstanding_minor, late_fee_minor, "
                            + "overdue_days FROM property_notice_line WHERE notice_id = ? ORDER BY period, fee_type")
                    .param(n.noticeId())
                    .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            BigDecimal.valueOf(rs.getLong(5), d), BigDecimal.valueOf(rs.getLong(6), d), rs.getInt(7)))
                    .list();
            withLines.add(new Notice(n.noticeId(), n.partyId(), n.ownerName(), n.building(), n.unit(), n.asOf(),
                    n.currency(), n.feeOutstanding(), n.lateFee(), n.total(), n.documentId(), n.receiptDocumentId(),
                    n.receiptSignedOn(), lines));
        }
        return withLines;
    }

    private static String money(long minor, int digits) {
        return String.format("%,." + digits + "f", BigDecimal.valueOf(minor, digits));
    }
}
