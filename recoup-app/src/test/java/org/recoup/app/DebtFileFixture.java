package org.recoup.app;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a small debt file straight into the tables for integration tests: {@code fixture.account("L-1")
 * .installment(1, "2026-04-15", "1000.00", "60.00", "0").payment("P-1", "2026-04-15T20:11:00+08:00", "1060.00")}.
 * Amounts are given in major units of CNY (2 digits) unless the account says otherwise.
 */
public final class DebtFileFixture {

    private final JdbcClient jdbc;

    public DebtFileFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AccountFixture account(String accountId) {
        return account(accountId, "CONSUMER_LOAN", "CNY", "12000.00", "2026-03-15", "0.0005", "2000.00", 3, "CN",
                "Asia/Shanghai");
    }

    public AccountFixture account(String accountId, String product, String currency, String principal, String openDate,
                                  String penaltyRate, String penaltyCap, int graceDays, String jurisdiction,
                                  String borrowerZone) {
        jdbc.sql("""
                INSERT INTO account (account_id, product, currency, principal_minor, open_date, penalty_rate_per_day,
                                     penalty_cap_minor, grace_days, jurisdiction, portfolio, creditor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'it', 'Example Creditor')""")
                .params(accountId, product, currency, minor(principal), LocalDate.parse(openDate),
                        penaltyRate == null ? null : new BigDecimal(penaltyRate),
                        penaltyCap == null ? null : minor(penaltyCap), graceDays, jurisdiction)
                .update();
        String partyId = accountId + "-B";
        jdbc.sql("INSERT INTO party (party_id, name, gender, time_zone) VALUES (?, ?, 'U', ?)")
                .params(partyId, "Borrower of " + accountId, borrowerZone).update();
        jdbc.sql("INSERT INTO account_party (account_id, party_id, role) VALUES (?, ?, 'BORROWER')")
                .params(accountId, partyId).update();
        return new AccountFixture(accountId);
    }

    public final class AccountFixture {
        private final String accountId;

        public AccountFixture(String accountId) {
            this.accountId = accountId;
        }

        public AccountFixture installment(int seq, String dueDate, String principal, String interest, String fees) {
            jdbc.sql("INSERT INTO installment (account_id, seq, due_date, principal_minor, interest_minor, fee_minor) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(accountId, seq, LocalDate.parse(dueDate), minor(principal), minor(interest), minor(fees))
                    .update();
            return this;
        }

        public AccountFixture payment(String paymentId, String paidAt, String amount) {
            jdbc.sql("INSERT INTO payment (payment_id, account_id, paid_at, amount_minor, channel) VALUES (?, ?, ?, ?, 'BANK_TRANSFER')")
                    .params(paymentId, accountId, Timestamp.from(OffsetDateTime.parse(paidAt).toInstant()), minor(amount))
                    .update();
            return this;
        }

        public String id() {
            return accountId;
        }
    }

    /** "12.34" → 1234 (two minor digits). */
    public static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
