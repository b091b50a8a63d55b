package org.recoup.app.workbench;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.security.Role;
import org.recoup.app.security.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases for workbench tests, with their own ids: a borrower (a party in a time zone chosen so that "now" is a given
 * local hour — the app runs on the system clock, so a test picks the zone, not the time), an overdue instalment, a
 * mobile number, an emergency contact, and the case assigned to an agent.
 */
final class CaseFixture {

    static final String PASSWORD = "demo1234";

    private final JdbcClient jdbc;
    private final UserAccounts users;

    CaseFixture(JdbcClient jdbc, UserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A fixed-offset zone in which the local hour is {@code hour} right now (e.g. 12 → daytime, 3 → night). */
    static String zoneWithLocalHour(int hour) {
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12; // -12 .. +11
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    record Case(String caseId, String accountId, String borrowerId, String mobileId, String contactId,
                String contactMobileId, String zone) {
        LocalDate today() {
            return LocalDate.now(ZoneId.of(zone));
        }
    }

    /** An agent of team {@code team}, password {@link #PASSWORD}. */
    String agent(String username, String team) {
        users.createIfAbsent(username, PASSWORD, "Agent " + username, Role.AGENT, "zh-CN");
        jdbc.sql("UPDATE app_user SET tier = 'INTERMEDIATE', team = ? WHERE username = ?").params(team, username).update();
        return username;
    }

    String user(String username, Role role) {
        users.createIfAbsent(username, PASSWORD, role.name() + " " + username, role, "zh-CN");
        return username;
    }

    /** A case whose borrower lives where it is {@code localHour} o'clock now, assigned to {@code agent}. */
    Case overdueCase(String prefix, int localHour, String agent) {
        String zone = zoneWithLocalHour(localHour);
        String accountId = prefix;
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        new DebtFileFixture(jdbc).account(accountId, "CONSUMER_LOAN", "CNY", "12000.00", today.minusMonths(6).toString(),
                        "0.0005", "2000.00", 0, "CN", zone)
                .installment(1, today.minusDays(40).toString(), "1000.00", "60.00", "0")
                .installment(2, today.minusDays(10).toString(), "1000.00", "60.00", "0")
                .installment(3, today.plusDays(20).toString(), "1000.00", "60.00", "0");
        String borrower = accountId + "-B";
        jdbc.sql("UPDATE party SET name = ?, gender = 'M', birth_date = ?, occupation = 'WORKER', region = 'Shanghai' "
                        + "WHERE party_id = ?")
                .params("Li Lei " + prefix, today.minusYears(35), borrower).update();
        String mobile = borrower + "-M";
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'MOBILE', ?)")
                .params(mobile, borrower, "13900000001").update();
        String contact = accountId + "-E";
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone) VALUES (?, ?, 'F', ?)")
                .params(contact, "Han Mei " + prefix, zone).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'EMERGENCY_CONTACT')")
                .params(accountId, contact).update();
        String contactMobile = contact + "-M";
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, 'MOBILE', ?)")
                .params(contactMobile, contact, "13800000002").update();
        String caseId = "C-" + borrower;
        jdbc.sql("INSERT INTO case_assignment (case_id, team, agent, assigned_at, assigned_by) VALUES (?, 'early', ?, ?, 'test')")
                .params(caseId, agent, Timestamp.from(Instant.now())).update();
        return new Case(caseId, accountId, borrower, mobile, contact, contactMobile, zone);
    }

    /** A promise made 30 days before {@code dueDate} (by import), resolved from payments like any other. */
    void promise(Case c, String promiseId, String amount, LocalDate dueDate) {
        jdbc.sql("""
                INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, channel, promised_at, created_by, source)
                VALUES (?, ?, ?, ?, ?, 'WECHAT', ?, 'test', 'IMPORT')""")
                .params(promiseId, c.accountId(), c.borrowerId(), DebtFileFixture.minor(amount), dueDate,
                        Timestamp.from(dueDate.minusDays(30).atStartOfDay(ZoneId.of(c.zone())).toInstant()))
                .update();
    }
}
