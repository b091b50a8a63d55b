package org.recoup.app.delinquency;

import java.math.BigDecimal;
import org.recoup.engine.debt.Money;
import org.recoup.engine.delinquency.DelinquencyState;

/** The CSV form of a state (contract §3 fields flattened); amounts in major units with the currency's digits. */
final class StateCsv {

    static final String HEADER = "account_id,as_of,currency,dpd,bucket,stage,aging_bucket,risk_class,"
            + "overdue_principal,overdue_interest,overdue_fees,overdue_penalty,overdue_total,outstanding_principal,"
            + "penalty_accrued,unapplied_credit,oldest_unpaid_due_date,policy_version\n";

    private StateCsv() {
    }

    static String row(DelinquencyState s) {
        int scale = Money.scaleOf(s.currency());
        StringBuilder b = new StringBuilder(160);
        b.append(quoted(s.accountId())).append(',').append(s.asOf()).append(',').append(s.currency().getCurrencyCode())
                .append(',').append(s.dpd()).append(',').append(quoted(s.bucket())).append(',').append(quoted(s.stage()))
                .append(',').append(s.agingBucket()).append(',').append(s.riskClass()).append(',')
                .append(amount(s.overdue().principal(), scale)).append(',')
                .append(amount(s.overdue().interest(), scale)).append(',')
                .append(amount(s.overdue().fees(), scale)).append(',')
                .append(amount(s.overdue().penalty(), scale)).append(',')
                .append(amount(s.overdue().total(), scale)).append(',')
                .append(amount(s.outstandingPrincipal(), scale)).append(',')
                .append(amount(s.penaltyAccrued(), scale)).append(',')
                .append(amount(s.unappliedCredit(), scale)).append(',')
                .append(s.oldestUnpaidDueDate() == null ? "" : s.oldestUnpaidDueDate().toString()).append(',')
                .append(s.policyVersion()).append('\n');
        return b.toString();
    }

    static String amount(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
