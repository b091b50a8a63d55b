package org.recoup.app.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recoup.app.document.Documents;
import org.recoup.app.document.PdfDocuments;
import org.recoup.app.portfolio.AccountSnapshot;
import org.recoup.engine.debt.Jurisdiction;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan agreement PDF, generated on approval in the approving transaction and kept with the case's documents
 * (kind {@code PLAN_AGREEMENT}): in Chinese for accounts of the CN jurisdiction, in English otherwise. It states the
 * plan type, the balance, what is waived and on what condition, the schedule and what happens if an instalment is missed.
 */
@Component
class PlanAgreement {

    private final PdfDocuments pdf;
    private final Documents documents;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final PlanSettings settings;

    PlanAgreement(PdfDocuments pdf, Documents documents, MessageSource messages, JdbcClient jdbc, PlanSettings settings) {
        this.pdf = pdf;
        this.documents = documents;
        this.messages = messages;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    static Locale localeFor(AccountSnapshot snapshot) {
        return snapshot.account().jurisdiction() == Jurisdiction.CN ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** Renders and stores the agreement; returns the document id. */
    String generate(PlanView plan, AccountSnapshot snapshot, String by) {
        Locale locale = localeFor(snapshot);
        byte[] content = render(plan, snapshot, locale);
        return documents.store(new Documents.NewDocument(plan.caseId(), plan.accountId(), "PLAN_AGREEMENT",
                "plan-agreement-" + plan.planId() + ".pdf", "application/pdf", content, plan.type(), by)).documentId();
    }

    byte[] render(PlanView plan, AccountSnapshot snapshot, Locale locale) {
        String borrower = jdbc.sql("SELECT p.name FROM account_party ap JOIN party p ON p.party_id = ap.party_id "
                        + "WHERE ap.account_id = ? AND ap.role = 'BORROWER' ORDER BY p.party_id FETCH FIRST 1 ROWS ONLY")
                .param(plan.accountId()).query(String.class).optional().orElse("-");
        String creditor = jdbc.sql("SELECT creditor FROM account WHERE account_id = ?").param(plan.accountId())
                .query(String.class).optional().filter(c -> c != null && !c.isBlank()).orElse("Recoup");
        String type = msg("plans.type." + plan.type(), locale);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(msg("plans.doc.parties", locale, creditor, borrower, plan.accountId()));
        paragraphs.add(msg("plans.doc.intro", locale, type, plan.effectiveOn(), plan.currency(), plan.balance()));
        if (plan.waiver() != null) {
            paragraphs.add(msg("plans.doc.waiver", locale, plan.currency(), plan.waiver().total(),
                    plan.waiver().principal(), plan.waiver().interest(), plan.waiver().fees(), plan.waiver().penalty()));
        }
        paragraphs.add(msg("plans.doc.schedule", locale));
        PlanPolicy policy = settings.policy();
        paragraphs.add(msg(policy.revertOnBreak().contains(plan.terms().type()) ? "plans.doc.break.revert"
                : "plans.doc.break.keep", locale, policy.graceDays()));
        paragraphs.add(msg("plans.doc.cash", locale));
        List<List<String>> rows = plan.schedule().stream()
                .filter(r -> !r.kind().equals("PAID"))
                .map(r -> List.of(String.valueOf(r.seq()), r.dueDate().toString(), r.principal().toPlainString(),
                        r.interest().toPlainString(), r.fees().toPlainString(), r.total().toPlainString(),
                        msg("plans.kind." + r.kind(), locale)))
                .toList();
        return pdf.generic(new PdfDocuments.GenericDocument(msg("plans.doc.title", locale), creditor, borrower,
                paragraphs, List.of(msg("plans.col.seq", locale), msg("plans.col.due", locale),
                        msg("plans.col.principal", locale), msg("plans.col.interest", locale),
                        msg("plans.col.fees", locale), msg("plans.col.total", locale), msg("plans.col.kind", locale)),
                rows, List.of(msg("plans.doc.sign.creditor", locale), msg("plans.doc.sign.debtor", locale)),
                plan.planId() + " · " + msg("plans.doc.approved", locale, plan.decidedBy(), plan.effectiveOn())), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(args[i]);
        }
        return messages.getMessage(key, text, locale);
    }
}
