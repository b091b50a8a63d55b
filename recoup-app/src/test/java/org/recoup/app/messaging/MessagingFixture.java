package org.recoup.app.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.recoup.app.DebtFileFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case for message tests, written straight into the tables: one CNY account whose borrower (named in Chinese)
 * lives in a zone where it is now around noon (or around 02:00 for {@link #atNight}), with a mobile, an e-mail
 * address and a postal address, and an instalment 40 days overdue.
 */
final class MessagingFixture {

    record Case(String caseId, String accountId, String borrower, String mobile, String email, String address) {
    }

    private final JdbcClient jdbc;

    MessagingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Case create(String accountId) {
        return create(accountId, zoneWithLocalHour(12));
    }

    Case atNight(String accountId) {
        return create(accountId, zoneWithLocalHour(2));
    }

    Case create(String accountId, String zone) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        new DebtFileFixture(jdbc).account(accountId, "CONSUMER_LOAN", "CNY", "12000.00", today.minusMonths(6).toString(),
                        "0.0005", "2000.00", 3, "CN", zone)
                .installment(1, today.minusDays(40).toString(), "1000.00", "60.00", "0");
        String borrower = accountId + "-B";
        jdbc.sql("UPDATE party SET name = ? WHERE party_id = ?").params("张三" + accountId.substring(accountId.length() - 3), borrower)
                .update();
        jdbc.sql("UPDATE account SET creditor = '回款消费金融' WHERE account_id = ?").param(accountId).update();
        point(borrower + "-M", borrower, "MOBILE", "+8613900001234");
        point(borrower + "-E", borrower, "EMAIL", "zhang.san@example.com");
        point(borrower + "-A", borrower, "ADDRESS", "上海市浦东新区世纪大道100号");
        return new Case("C-" + borrower, accountId, borrower, borrower + "-M", borrower + "-E", borrower + "-A");
    }

    void point(String id, String party, String type, String value) {
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, ?, ?)")
                .params(id, party, type, value).update();
    }

    void assign(String caseId, String team, String agent) {
        jdbc.sql("INSERT INTO case_assignment (case_id, team, agent, assigned_at, assigned_by) VALUES (?, ?, ?, ?, 'it')")
                .params(caseId, team, agent, Timestamp.from(Instant.now())).update();
    }

    /** An IANA fixed-offset zone ({@code Etc/GMT±n}) in which the local hour is now about {@code hour}. */
    static String zoneWithLocalHour(int hour) {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = hour - utcHour;
        if (offset < -12) {
            offset += 24;
        }
        if (offset > 14) {
            offset -= 24;
        }
        // Etc/GMT zones have the POSIX sign: Etc/GMT-8 is UTC+8
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }
}
