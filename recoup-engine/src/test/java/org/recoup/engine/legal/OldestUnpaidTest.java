package org.recoup.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.engine.debt.Installment;
import org.recoup.engine.legal.OldestUnpaid.Start;

class OldestUnpaidTest {

    private static final List<Installment> SCHEDULE = List.of(
            new Installment(1, LocalDate.of(2023, 1, 10), 100_000, 6_000, 0),
            new Installment(2, LocalDate.of(2023, 2, 10), 100_000, 6_000, 0),
            new Installment(3, LocalDate.of(2023, 3, 10), 100_000, 6_000, 0));

    @Test
    void paymentsCoverTheOldestInstalmentsFirst() {
        assertThat(OldestUnpaid.start(SCHEDULE, 106_000, LocalDate.of(2024, 1, 1), Start.OLDEST_UNPAID_INSTALMENT))
                .isEqualTo(LocalDate.of(2023, 2, 10));
        assertThat(OldestUnpaid.start(SCHEDULE, 105_999, LocalDate.of(2024, 1, 1), Start.OLDEST_UNPAID_INSTALMENT))
                .isEqualTo(LocalDate.of(2023, 1, 10));
    }

    @Test
    void nothingOwedWhenEveryDueInstalmentIsPaid() {
        assertThat(OldestUnpaid.start(SCHEDULE, 212_000, LocalDate.of(2023, 2, 20), Start.OLDEST_UNPAID_INSTALMENT))
                .isNull();
    }

    @Test
    void thePolicyMayRunThePeriodFromTheLastInstalment() {
        assertThat(OldestUnpaid.start(SCHEDULE, 0, LocalDate.of(2024, 1, 1), Start.LAST_INSTALMENT))
                .isEqualTo(LocalDate.of(2023, 3, 10));
    }
}
