package org.recoup.app.portfolio;

import java.util.List;
import org.recoup.engine.debt.Account;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.debt.Payment;

/** Everything the delinquency engine needs about one account, as stored. */
public record AccountSnapshot(Account account, List<Installment> installments, List<Payment> payments) {

    public AccountSnapshot {
        installments = List.copyOf(installments);
        payments = List.copyOf(payments);
    }
}
