package org.recoup.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoup.engine.legal.Interruption.Kind;
import org.recoup.engine.legal.Limitation.Status;

class LimitationRuleTest {

    private static final LimitationRule THREE_YEARS = new LimitationRule(3, 90);

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void withoutInterruptionThePeriodEndsThreeYearsAfterTheOldestUnpaidDueDate() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(), null), d("2025-06-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2026-01-10"));
        assertThat(l.restartedBy()).isNull();
        assertThat(l.daysLeft()).isEqualTo(223); // 2025-06-01 → 2026-01-10
        assertThat(l.status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void aLetterReceiptRestartsThePeriodFromTheReceiptDate() {
        Interruption receipt = new Interruption(Kind.LETTER_RECEIPT, d("2024-05-20"), "outbox_message:M-1");

        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(receipt), null), d("2026-03-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2027-05-20"));
        assertThat(l.restartedBy()).isEqualTo(receipt);
        assertThat(l.status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void theLastOfSeveralInterruptionsCounts() {
        Interruption promise = new Interruption(Kind.PROMISE, d("2024-02-01"), "promise:PR-1");
        Interruption payment = new Interruption(Kind.PARTIAL_PAYMENT, d("2025-08-15"), "payment:P-1");

        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(payment, promise), null),
                d("2026-01-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2028-08-15"));
        assertThat(l.restartedBy()).isEqualTo(payment);
    }

    @Test
    void anInterruptionAfterTheTimeBarDoesNotReviveTheDebt() {
        Interruption late = new Interruption(Kind.PROMISE, d("2026-02-01"), "promise:PR-9");

        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(late), null), d("2026-03-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2026-01-10"));
        assertThat(l.status()).isEqualTo(Status.TIME_BARRED);
        assertThat(l.daysLeft()).isEqualTo(-50);
    }

    @Test
    void anInterruptionOnTheLastDayStillCounts() {
        Interruption onTime = new Interruption(Kind.PARTIAL_PAYMENT, d("2026-01-10"), "payment:P-2");

        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(onTime), null), d("2026-03-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2029-01-10"));
    }

    @Test
    void anInterruptionAfterTheBusinessDateIsNotYetKnown() {
        Interruption future = new Interruption(Kind.PROMISE, d("2025-07-01"), "promise:PR-F");

        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(future), null), d("2025-06-01"));

        assertThat(l.restartedBy()).isNull();
        assertThat(l.limitationDate()).isEqualTo(d("2026-01-10"));
    }

    @Test
    void withinTheWarningWindowTheDebtIsApproaching() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(), null), d("2025-10-12"));

        assertThat(l.daysLeft()).isEqualTo(90);
        assertThat(l.status()).isEqualTo(Status.APPROACHING);
    }

    @Test
    void aLawsuitFiledInTimeStopsTheClock() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(), d("2025-12-01")),
                d("2027-01-01"));

        assertThat(l.status()).isEqualTo(Status.STOPPED);
        assertThat(l.limitationDate()).isNull();
        assertThat(l.lawsuitFiled()).isEqualTo(d("2025-12-01"));
    }

    @Test
    void aLawsuitFiledAfterTheTimeBarDoesNotStopIt() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2023-01-10"), List.of(), d("2026-02-01")),
                d("2026-03-01"));

        assertThat(l.status()).isEqualTo(Status.TIME_BARRED);
    }

    @Test
    void aLeapDayStartEndsOnTheTwentyEighthOfFebruary() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(d("2024-02-29"), List.of(), null), d("2025-01-01"));

        assertThat(l.limitationDate()).isEqualTo(d("2027-02-28"));
    }

    @Test
    void nothingOwedMeansNoLimitation() {
        Limitation l = THREE_YEARS.assess(new LimitationFacts(null, List.of(), null), d("2025-01-01"));

        assertThat(l.status()).isEqualTo(Status.NOTHING_DUE);
        assertThat(l.limitationDate()).isNull();
    }
}
