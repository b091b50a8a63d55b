package org.recoup.app.receivable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recoup.app.document.Documents;
import org.recoup.app.document.PdfDocuments;
import org.recoup.app.document.StoredDocument;
import org.recoup.engine.receivable.CustomerAssessment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 对账单: a customer's statement of account as of a date, as a Chinese PDF kept in the case's documents. */
@Service
class Statements {

    static final String KIND = "STATEMENT_OF_ACCOUNT";

    private final PdfDocuments pdf;
    private final Documents documents;

    Statements(PdfDocuments pdf, Documents documents) {
        this.pdf = pdf;
        this.documents = documents;
    }

    @Transactional
    StoredDocument issue(ReceivableBook.CustomerView view, String user) {
        ReceivableBook.Customer c = view.customer();
        CustomerAssessment a = view.assessment();
        String cur = c.currency();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("截至 " + a.asOf() + "，贵司在我司的应收账款余额为 " + LetterContent.amount(a.outstandingMinor(), cur)
                + " " + cur + "，其中已逾期 " + LetterContent.amount(a.overdueMinor(), cur) + " " + cur + "。");
        paragraphs.add("信用额度：" + (c.creditLimitMinor() == null ? "未设定"
                : LetterContent.amount(c.creditLimitMinor(), cur) + " " + cur
                + (a.overLimit() ? "（已超出额度）" : "（可用 " + LetterContent.amount(a.availableCreditMinor(), cur) + "）"))
                + "；付款条件：开票后 " + c.paymentTermsDays() + " 天内付款。");
        StringBuilder aging = new StringBuilder("账龄分布：");
        for (CustomerAssessment.BandAmount band : a.aging()) {
            aging.append(band.label()).append(" ").append(LetterContent.amount(band.amountMinor(), cur)).append("；");
        }
        paragraphs.add(aging.toString());
        paragraphs.add("未结清明细如下。请核对，如有差异请于十五日内与我们联系；逾期未回复视为确认。");
        byte[] content = pdf.generic(new PdfDocuments.GenericDocument("对账单", "应收账款管理部",
                c.name() + "（客户编号 " + c.partyId() + "）：", paragraphs, LetterContent.itemHeader(),
                LetterContent.itemRows(view.items(), a.asOf(), cur, false),
                List.of("应收账款管理部（盖章）", "客户确认（签章）：", "日期：" + a.asOf()), "对账日 " + a.asOf()),
                Locale.SIMPLIFIED_CHINESE);
        String account = view.items().isEmpty() ? null : view.items().getFirst().invoiceId();
        return documents.store(new Documents.NewDocument("C-" + c.partyId(), account, KIND,
                "statement-" + a.asOf() + ".pdf", "application/pdf", content, "对账单 " + a.asOf(), user));
    }

}
