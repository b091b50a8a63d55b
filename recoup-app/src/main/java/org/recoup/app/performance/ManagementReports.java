package org.recoup.app.performance;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recoup.app.analytics.CurrencyOverview;
import org.recoup.app.analytics.OverviewFilter;
import org.recoup.app.analytics.PortfolioOverview;
import org.recoup.app.analytics.PortfolioOverviews;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.messaging.MessagingProperties;
import org.recoup.app.web.AmountFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily management report: after a completed run, the key figures of its business date (portfolio totals from
 * {@link PortfolioOverviews}, contacts, promises, channels, agents, compliance blocks) as an HTML e-mail with the same
 * {@link Table}s as an XLSX attachment, to the configured recipients through SMTP ({@code spring.mail.*}, sender
 * {@code recoup.messaging.email.from}). Sent once per business date: the date's {@code kpi_report_delivery} row is
 * claimed before sending, a failed delivery is retried by the next trigger, a sent one never again.
 */
@Service
public class ManagementReports {

    private static final Logger log = LoggerFactory.getLogger(ManagementReports.class);

    /** What became of a request to send the report of a date. */
    public enum Outcome { SENT, ALREADY_SENT, IN_PROGRESS, DISABLED, FAILED }

    private final VersionedDocuments<ReportSettings> settings;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessagingProperties messaging;
    private final PortfolioOverviews overviews;
    private final ContactKpis kpis;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ManagementReports(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
                      ObjectProvider<JavaMailSender> mail, MessagingProperties messaging, PortfolioOverviews overviews,
                      ContactKpis kpis, MessageSource messages, Clock clock) {
        this.settings = new VersionedDocuments<>("management-report", ReportSettings.class, ReportSettings::withVersion,
                jdbc, json, transactions);
        this.mail = mail;
        this.messaging = messaging;
        this.overviews = overviews;
        this.kpis = kpis;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ReportSettings settings() {
        return settings.current();
    }

    List<Integer> versions() {
        return settings.versions();
    }

    @Transactional
    ReportSettings save(String document, String user) {
        return settings.save(document, user);
    }

    /** The report's tables for {@code date} (also what the e-mail shows and attaches). */
    public List<Table> tables(LocalDate date, Locale locale) {
        KpiFilter day = new KpiFilter(date, date, null, null, null);
        List<Table> tables = new ArrayList<>();
        tables.add(portfolio(locale));
        tables.add(kpis.table(ContactKpis.Name.SUMMARY, day, locale));
        tables.add(kpis.table(ContactKpis.Name.PROMISES, day, locale));
        tables.add(kpis.table(ContactKpis.Name.CHANNELS, day, locale));
        tables.add(kpis.table(ContactKpis.Name.COST, day, locale));
        tables.add(kpis.table(ContactKpis.Name.AGENTS, day, locale));
        tables.add(kpis.table(ContactKpis.Name.COMPLIANCE_REASONS, day, locale));
        return tables;
    }

    /** Sends the report of {@code date} unless it was sent already (or is disabled). Never throws for a mail error. */
    public Outcome send(LocalDate date) {
        ReportSettings s = settings.current();
        if (!Boolean.TRUE.equals(s.enabled()) || s.recipients().isEmpty()) {
            return Outcome.DISABLED;
        }
        Outcome claim = claim(date, s.recipients());
        if (claim != null) {
            return claim;
        }
        try {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
            }
            Locale locale = Locale.forLanguageTag(s.locale());
            List<Table> tables = tables(date, locale);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(messaging.getEmail().getFrom());
            helper.setTo(s.recipients().toArray(String[]::new));
            String subject = messages.getMessage("kpi.report.subject", new Object[] {date.toString()}, locale);
            helper.setSubject(subject);
            helper.setText(html(subject, tables), true);
            helper.addAttachment("recoup-report-" + date + ".xlsx",
                    new ByteArrayResource(TableExports.xlsx(tables.toArray(Table[]::new))),
                    TableExports.Format.XLSX.mediaType().toString());
            message.setHeader("X-Recoup-Report-Date", date.toString());
            sender.send(message);
            record(date, "SENT", null);
            log.info("management report of {} sent to {} recipient(s)", date, s.recipients().size());
            return Outcome.SENT;
        } catch (MessagingException | MailException | IllegalStateException e) {
            record(date, "FAILED", e.getMessage());
            log.warn("management report of {} not sent: {}", date, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * Claims the date (null: go ahead) or says why not. Each statement commits on its own (a failed INSERT would abort
     * a surrounding PostgreSQL transaction): retry a FAILED delivery, else insert the date if it has no row; a
     * concurrent claimer loses on the primary key.
     */
    private Outcome claim(LocalDate date, List<String> recipients) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String to = String.join(",", recipients);
        Integer retried = transaction.execute(tx -> jdbc.sql("""
                UPDATE kpi_report_delivery SET status = 'SENDING', recipients = ?, attempts = attempts + 1,
                       updated_at = ? WHERE business_date = ? AND status = 'FAILED'""")
                .params(to, now, date).update());
        if (retried != null && retried == 1) {
            return null;
        }
        try {
            Integer inserted = transaction.execute(tx -> jdbc.sql("""
                    INSERT INTO kpi_report_delivery (business_date, status, recipients, attempts, updated_at)
                    SELECT ?, 'SENDING', ?, 1, ? FROM (VALUES (1)) one
                    WHERE NOT EXISTS (SELECT 1 FROM kpi_report_delivery WHERE business_date = ?)""")
                    .params(date, to, now, date).update());
            if (inserted != null && inserted == 1) {
                return null;
            }
        } catch (DuplicateKeyException concurrent) {
            return Outcome.IN_PROGRESS;
        }
        String status = jdbc.sql("SELECT status FROM kpi_report_delivery WHERE business_date = ?")
                .param(date).query(String.class).single();
        return "SENT".equals(status) ? Outcome.ALREADY_SENT : Outcome.IN_PROGRESS;
    }

    private void record(LocalDate date, String status, String error) {
        String message = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
        transaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE kpi_report_delivery SET status = ?, last_error = ?, updated_at = ? WHERE business_date = ?""")
                .params(status, message, OffsetDateTime.now(clock), date).update());
    }

    /** The deliveries recorded, newest first. */
    public List<Delivery> deliveries(int limit) {
        return jdbc.sql("""
                        SELECT business_date, status, recipients, attempts, last_error, updated_at
                        FROM kpi_report_delivery ORDER BY business_date DESC FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query((rs, i) -> new Delivery(rs.getObject("business_date", LocalDate.class), rs.getString("status"),
                        rs.getString("recipients"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    /** One row of {@code kpi_report_delivery}. */
    public record Delivery(LocalDate businessDate, String status, String recipients, int attempts, String lastError,
                           OffsetDateTime updatedAt) {
    }

    private Table portfolio(Locale locale) {
        PortfolioOverview overview = overviews.latest(OverviewFilter.ALL);
        Table.Builder t = Table.titled(text("kpi.table.portfolio", locale))
                .column("as_of", text("kpi.col.as_of", locale), Table.Kind.DATE)
                .column("currency", text("kpi.col.currency", locale), Table.Kind.TEXT)
                .column("accounts", text("kpi.col.accounts", locale), Table.Kind.INTEGER)
                .column("accounts_overdue", text("kpi.col.accounts_overdue", locale), Table.Kind.INTEGER)
                .column("overdue", text("kpi.col.overdue", locale), Table.Kind.AMOUNT);
        for (CurrencyOverview c : overview.currencies()) {
            t.row(overview.asOf(), c.currency(), c.total().accounts(), c.total().accountsOverdue(),
                    BigDecimal.valueOf(c.total().overdueMinor(), AmountFormat.digitsOf(c.currency())));
        }
        return t.build();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String html(String heading, List<Table> tables) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head>"
                + "<body style=\"font-family:sans-serif\"><h1>").append(HtmlUtils.htmlEscape(heading)).append("</h1>");
        for (Table t : tables) {
            b.append("<h2>").append(HtmlUtils.htmlEscape(t.title())).append("</h2>")
                    .append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>");
            t.columns().forEach(c -> b.append("<th>").append(HtmlUtils.htmlEscape(c.label())).append("</th>"));
            b.append("</tr>");
            for (List<Object> row : t.rows()) {
                b.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    Object cell = row.get(i);
                    String value = cell == null ? "–"
                            : t.columns().get(i).kind() == Table.Kind.RATE && cell instanceof BigDecimal d
                                    ? d.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %"
                                    : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
                    b.append("<td data-key=\"").append(t.columns().get(i).key()).append("\">")
                            .append(HtmlUtils.htmlEscape(value)).append("</td>");
                }
                b.append("</tr>");
            }
            if (t.rows().isEmpty()) {
                b.append("<tr><td colspan=\"").append(t.columns().size()).append("\">–</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</body></html>").toString();
    }
}
