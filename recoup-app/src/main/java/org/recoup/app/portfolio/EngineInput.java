package org.recoup.app.portfolio;

import java.util.List;
import java.util.Objects;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Payment;

/**
 * What the delinquency engine needs to assess one account: the account (with its business zone and liability facts),
 * its instalments ordered by {@code seq} and its payments ordered by {@code paidAt}.
 */
public record EngineInput(Account account, List<Installment> installments, List<Payment> payments) {

    public EngineInput {
        Objects.requireNonNull(account, "account");
        installments = List.copyOf(installments);
        payments = List.copyOf(payments);
    }
}
