package org.recoup.app.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recoup.app.compliance.GatedContacts.MessageTemplate;
import org.recoup.app.delinquency.Delinquency;
import org.recoup.app.web.AmountFormat;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.delinquency.DelinquencyState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Fills a stored template with the case's real data: the recipient's name, the creditor, the account's last four
 * characters, the amount overdue and the oldest unpaid due date as assessed today (in the borrower's zone), the
 * agreement's date, the hotline and payment channels, today's date and the reply deadline. A placeholder with no
 * value (e.g. a visit notice's {@code {visitDate}}) is left in place and listed as unfilled: such a message is not sent.
 */
@Component
class MessageComposer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A message ready to go: its subject (e-mails and letters), text, what stayed unfilled, and its locale. */
    record Composed(String subject, String body, List<String> unfilled, String locale, LocalDate issueDate) {
    }

    private final Delinquency delinquency;
    private final MessagingSettings settings;
    private final Clock clock;

    MessageComposer(Delinquency delinquency, MessagingSettings settings, ObjectProvider<Clock> clock) {
        this.delinquency = delinquency;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Composed compose(CaseFacts.CaseInfo info, CaseFacts.Account account, CaseFacts.Point recipient,
                     MessageTemplate template, Channel channel) {
        MessagingSettings.Settings s = settings.current();
        String locale = template.locale() != null ? template.locale()
                : "CN".equals(account.jurisdiction()) ? "zh-CN" : "en";
        boolean zh = locale.startsWith("zh");
        LocalDate today = LocalDate.now(clock.withZone(info.borrowerZone()));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", recipient.partyName());
        values.put("debtorName", info.borrowerName());
        values.put("creditor", account.creditor() != null && !account.creditor().isBlank() ? account.creditor()
                : s.localized(s.creditor(), locale));
        String id = account.accountId();
        values.put("accountTail", id.length() <= 4 ? id : id.substring(id.length() - 4));
        values.put("openDate", date(account.openDate(), zh));
        values.put("asOfDate", date(today, zh));
        values.put("issueDate", date(today, zh));
        values.put("deadline", date(today.plusDays(s.deadlineDays()), zh));
        values.put("phone", s.phone());
        values.put("paymentChannels", s.localized(s.paymentChannels(), locale));
        delinquency.stateOf(id, today, true).map(Delinquency.Assessed::state).ifPresent(state -> {
            values.put("amount", amount(state, account.currency(), zh));
            if (state.oldestUnpaidDueDate() != null) {
                values.put("dueDate", date(state.oldestUnpaidDueDate(), zh));
            }
        });
        if ("ADDRESS".equals(recipient.type())) {
            values.put("address", recipient.value());
        }
        List<String> unfilled = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template.text());
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                if (!unfilled.contains(m.group(1))) {
                    unfilled.add(m.group(1));
                }
                value = m.group();
            }
            m.appendReplacement(body, Matcher.quoteReplacement(value));
        }
        m.appendTail(body);
        String subject = switch (channel) {
            case EMAIL -> s.localized(s.emailSubject(), locale);
            case LETTER -> s.localized(s.letterTitle(), locale);
            default -> null;
        };
        return new Composed(subject, body.toString(), List.copyOf(unfilled), locale, today);
    }

    /** The stored template a daily-run template name stands for ({@code templateAliases}), or the name itself. */
    String alias(String name) {
        return settings.current().templateAliases().getOrDefault(name, name);
    }

    /** The creditor's name as messages give it: the account's, else the configured one. */
    String creditor(CaseFacts.Account account, String locale) {
        MessagingSettings.Settings s = settings.current();
        return account.creditor() != null && !account.creditor().isBlank() ? account.creditor()
                : s.localized(s.creditor(), locale);
    }

    private static String amount(DelinquencyState state, String currency, boolean zh) {
        long total = state.overdue().total();
        String number = AmountFormat.format(total, currency, zh ? Locale.CHINA : Locale.UK);
        if (zh && "CNY".equals(currency)) {
            return number + "元";
        }
        return currency + " " + number;
    }

    static String date(LocalDate date, boolean zh) {
        return date == null ? null : (zh ? ZH_DATE : EN_DATE).format(date);
    }
}
