package org.recoup.app;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts in a known delinquency state for the recovery-path ITs (agencies, write-off, sale, bureau): an account of
 * its own borrower (see {@link DebtFileFixture}), its open case {@code C-<account>-B}, and one {@code account_state}
 * row with the given bucket, dpd and amounts (minor units) — so balances are known by hand without a daily run.
 */
public final class RecoveryFixture {

    private final JdbcClient jdbc;
    private final DebtFileFixture debts;

    public RecoveryFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.debts = new DebtFileFixture(jdbc);
    }

    /** Creates the account and its open case; returns the case id. */
    public String caseOf(String accountId, LocalDate asOf, String bucket, int dpd, long outstandingPrincipalMinor,
                         long overdueInterestMinor) {
        debts.account(accountId);
        String caseId = "C-" + accountId + "-B";
        jdbc.sql("INSERT INTO collection_case (case_id, party_id, status, opened_on, updated_on) VALUES (?, ?, 'OPEN', ?, ?)")
                .params(caseId, accountId + "-B", asOf, asOf).update();
        state(accountId, asOf, bucket, dpd, outstandingPrincipalMinor, overdueInterestMinor);
        return caseId;
    }

    /** One more state row of an existing account (balance = outstanding principal + overdue interest). */
    public void state(String accountId, LocalDate asOf, String bucket, int dpd, long outstandingPrincipalMinor,
                      long overdueInterestMinor) {
        jdbc.sql("""
                        INSERT INTO account_state (as_of, account_id, run_id, currency, dpd, bucket, stage, aging_bucket,
                            risk_class, overdue_principal_minor, overdue_interest_minor, overdue_fees_minor,
                            overdue_penalty_minor, overdue_total_minor, outstanding_principal_minor, penalty_accrued_minor,
                            unapplied_credit_minor, policy_version)
                        VALUES (?, ?, 0, 'CNY', ?, ?, ?, ?, ?, 0, ?, 0, 0, ?, ?, 0, 0, 1)""")
                .params(asOf, accountId, dpd, bucket, dpd == 0 ? "CURRENT" : dpd < 90 ? "MID" : "LATE",
                        dpd == 0 ? "CURRENT" : "Y0_1", dpd == 0 ? "NOT_DUE" : "OVERDUE", overdueInterestMinor,
                        overdueInterestMinor, outstandingPrincipalMinor)
                .update();
    }

    public DebtFileFixture debts() {
        return debts;
    }
}
