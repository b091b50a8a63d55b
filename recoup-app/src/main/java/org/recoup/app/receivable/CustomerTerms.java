package org.recoup.app.receivable;

import java.math.BigDecimal;
import java.util.Currency;
import org.recoup.app.api.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a customer's credit limit and payment terms (data, not code); the track stays the review's. */
@Service
class CustomerTerms {

    /** {@code creditLimit} in major units (null = no limit), {@code paymentTermsDays} 0–365. */
    record Change(BigDecimal creditLimit, Integer paymentTermsDays) {
    }

    private final JdbcClient jdbc;

    CustomerTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void change(ReceivableBook.Customer customer, Change change, String user) {
        if (change == null || change.paymentTermsDays() == null) {
            throw ApiProblem.badRequest("INVALID_TERMS", "paymentTermsDays", "paymentTermsDays is required (0–365)");
        }
        if (change.paymentTermsDays() < 0 || change.paymentTermsDays() > 365) {
            throw ApiProblem.badRequest("INVALID_TERMS", "paymentTermsDays",
                    "paymentTermsDays must be between 0 and 365, was " + change.paymentTermsDays());
        }
        Long limitMinor = null;
        if (change.creditLimit() != null) {
            int digits = Math.max(0, Currency.getInstance(customer.currency()).getDefaultFractionDigits());
            if (change.creditLimit().signum() < 0 || change.creditLimit().stripTrailingZeros().scale() > digits) {
                throw ApiProblem.badRequest("INVALID_TERMS", "creditLimit", "creditLimit must be a non-negative amount "
                        + "with at most " + digits + " decimals in " + customer.currency() + ", was " + change.creditLimit());
            }
            try {
                limitMinor = change.creditLimit().movePointRight(digits).longValueExact();
            } catch (ArithmeticException e) {
                throw ApiProblem.badRequest("INVALID_TERMS", "creditLimit", "creditLimit is too large");
            }
        }
        int updated = jdbc.sql("UPDATE receivable_customer SET credit_limit_minor = ?, payment_terms_days = ?, "
                        + "updated_at = CURRENT_TIMESTAMP, updated_by = ? WHERE party_id = ?")
                .params(limitMinor, change.paymentTermsDays(), user, customer.partyId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO receivable_customer (party_id, credit_limit_minor, currency, payment_terms_days, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(customer.partyId(), limitMinor, customer.currency(), change.paymentTermsDays(), user).update();
        }
    }
}
