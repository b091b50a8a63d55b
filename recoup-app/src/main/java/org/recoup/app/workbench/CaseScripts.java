package org.recoup.app.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.recoup.app.web.AmountFormat;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.promise.PromiseStatus;
import org.recoup.engine.script.Script;
import org.recoup.engine.script.ScriptFacts;
import org.recoup.engine.script.ScriptKind;
import org.recoup.engine.script.ScriptLibrary;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The engine's script library filled with a case's real data: the borrower's name, the amount overdue and days past
 * due, due dates, the creditor, the payment channels, the agent, and the case's promises (for the confrontation
 * prompt, straight from the promise feature's statuses).
 */
@Service
class CaseScripts {

    static final String CONFRONT = "confront-promise-history";
    static final String FIRST_CALL = "first-call";
    /** Channels a party can pay through, as offered in scripts (never cash: PRACTICE §6). */
    static final List<PaymentChannel> OFFERED = List.of(PaymentChannel.BANK_TRANSFER, PaymentChannel.WECHAT,
            PaymentChannel.ALIPAY, PaymentChannel.CARD);

    private final ScriptLibrary library = ScriptLibrary.defaults();
    private final JdbcClient jdbc;
    private final MessageSource messages;

    CaseScripts(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    ScriptLibrary library() {
        return library;
    }

    /** The script filled for the case in the locale's language; empty for an unknown id. */
    Optional<Script> filled(CaseFile file, String scriptId, Locale locale, String agent) {
        String language = ScriptLibrary.language(locale);
        return library.script(scriptId, language).map(s -> library.fill(s, facts(file, locale, agent)));
    }

    /**
     * The script to open with: the confrontation prompt when a promise was broken, else the script the latest daily
     * run planned for the case, else the first call.
     */
    String recommended(CaseFile file) {
        boolean broken = file.promises().stream().anyMatch(p -> p.status().equals(PromiseStatus.BROKEN.name())
                || p.status().equals(PromiseStatus.PARTIALLY_KEPT.name()));
        if (broken) {
            return CONFRONT;
        }
        return jdbc.sql("""
                        SELECT script FROM run_action WHERE as_of = (SELECT MAX(as_of) FROM run_action)
                        AND case_id = ? AND script IS NOT NULL ORDER BY priority DESC, action""")
                .param(file.caseId()).query(String.class).list().stream().filter(library::contains).findFirst()
                .orElse(FIRST_CALL);
    }

    /** Scripts grouped for the picker: flow and treatments, situations, techniques. */
    List<String> ids(ScriptKind kind) {
        return library.ids(kind);
    }

    ScriptFacts facts(CaseFile file, Locale locale, String agent) {
        CaseFile.Preparation p = file.preparation();
        String currency = p.currency();
        List<String> channels = OFFERED.stream()
                .map(c -> messages.getMessage("workbench.channel." + c.name(), null, c.name(), locale)).toList();
        LocalDate oldest = file.accounts().stream().map(CaseFile.AccountLine::oldestUnpaidDueDate)
                .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        String creditor = file.accounts().stream().map(CaseFile.AccountLine::creditor)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<ScriptFacts.PromiseLine> promises = new ArrayList<>();
        for (CaseFile.PromiseLine line : file.promises()) {
            promises.add(new ScriptFacts.PromiseLine(line.dueDate(), money(line.amountMinor(), line.currency(), locale),
                    money(line.paidMinor(), line.currency(), locale), PromiseStatus.valueOf(line.status())));
        }
        return new ScriptFacts(file.borrowerName(), money(p.overdueMinor(), currency, locale),
                money(p.outstandingMinor(), currency, locale), p.dpd(), oldest, CaseFiles.nextDue(file), creditor,
                channels, agent, promises);
    }

    static String money(long minor, String currency, Locale locale) {
        return currency + " " + AmountFormat.format(minor, currency, locale);
    }
}
