package org.recoup.app.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts debt-file rows for portfolio ITs (ids are the caller's, so tests stay independent). */
final class DebtFileRows {

    private final JdbcClient jdbc;

    DebtFileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void account(String id, String currency, long principalMinor, String jurisdiction, int graceDays,
                 BigDecimal penaltyRate, Long penaltyCapMinor) {
        jdbc.sql("""
                        INSERT INTO account (account_id, product, currency, principal_minor, open_date, penalty_rate_per_day,
                                             penalty_cap_minor, grace_days, jurisdiction, portfolio, creditor)
                        VALUES (?, 'CONSUMER_LOAN', ?, ?, ?, ?, ?, ?, ?, 'P-2026', '融宜宝')""")
                .params(id, currency, principalMinor, LocalDate.of(2026, 1, 5), penaltyRate, penaltyCapMinor, graceDays,
                        jurisdiction)
                .update();
    }

    void party(String id, String name, String timeZone, boolean deceased, boolean bankrupt, boolean incarcerated) {
        jdbc.sql("""
                        INSERT INTO party (party_id, name, id_number, gender, birth_date, occupation, region, time_zone,
                                           deceased, bankrupt, incarcerated)
                        VALUES (?, ?, '110101199001011234', 'F', ?, 'WHITE_COLLAR', '上海', ?, ?, ?, ?)""")
                .params(id, name, LocalDate.of(1990, 1, 1), timeZone, deceased, bankrupt, incarcerated)
                .update();
    }

    void role(String accountId, String partyId, String role) {
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, ?)")
                .params(accountId, partyId, role).update();
    }

    void contactPoint(String id, String partyId, String type, String value) {
        jdbc.sql("INSERT INTO contact_point (contact_point_id, party_id, type, contact_value) VALUES (?, ?, ?, ?)")
                .params(id, partyId, type, value).update();
    }

    void installment(String accountId, int seq, LocalDate due, long principal, long interest, long fee) {
        jdbc.sql("""
                        INSERT INTO installment (account_id, seq, due_date, principal_minor, interest_minor, fee_minor)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(accountId, seq, due, principal, interest, fee).update();
    }

    void payment(String id, String accountId, OffsetDateTime paidAt, long amountMinor, String channel) {
        jdbc.sql("""
                        INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel, reference)
                        VALUES (?, ?, ?, ?, ?, 'imported')""")
                .params(id, accountId, paidAt, amountMinor, channel).update();
    }
}
