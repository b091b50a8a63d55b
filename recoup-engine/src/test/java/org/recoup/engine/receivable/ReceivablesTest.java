package org.recoup.engine.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivablesTest {

    private static final ReceivablePolicy POLICY = TestPolicy.standard();
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private static InvoiceLine line(String invoice, String invoiceDate, String due, long amount) {
        return new InvoiceLine(invoice, 1, LocalDate.parse(invoiceDate), LocalDate.parse(due), amount);
    }

    private CustomerAssessment assess(List<InvoiceLine> lines, List<Receipt> receipts, Long limit, boolean insolvent) {
        return Receivables.assess(OpenItems.asOf(lines, receipts, AS_OF), AS_OF, limit, insolvent, POLICY);
    }

    @Test
    void agingPutsEachUnpaidAmountInTheBandOfItsDaysPastDue() {
        var a = assess(List.of(
                line("I-1", "2026-11-01", "2026-12-01", 50_000),      // not due
                line("I-2", "2026-09-01", "2026-10-01", 30_000),      // 54 days → Y0_1
                line("I-3", "2025-01-01", "2025-02-01", 20_000),      // 661 days → Y1_2
                line("I-4", "2020-01-01", "2020-02-01", 10_000)),     // > 5 years
                List.of(new Receipt("I-2", LocalDate.of(2026, 10, 15), 5_000)), null, false);

        assertThat(a.aging()).extracting(CustomerAssessment.BandAmount::amountMinor)
                .containsExactly(50_000L, 25_000L, 20_000L, 0L, 0L, 0L, 10_000L);
        assertThat(a.outstandingMinor()).isEqualTo(105_000);
        assertThat(a.overdueMinor()).isEqualTo(55_000);
        assertThat(a.oldestOverdueDue()).isEqualTo(LocalDate.of(2020, 2, 1));
    }

    @Test
    void receiptsAfterTheAsOfDateAndInvoicesIssuedLaterDoNotCount() {
        var a = assess(List.of(line("I-1", "2026-09-01", "2026-10-01", 30_000),
                        line("I-2", "2026-12-01", "2026-12-31", 99_000)),
                List.of(new Receipt("I-1", LocalDate.of(2026, 11, 25), 30_000)), null, false);
        assertThat(a.outstandingMinor()).isEqualTo(30_000);
    }

    @Test
    void aCustomerOverTheirCreditLimitIsFlaggedAndGoesOnTheFirmTrack() {
        var within = assess(List.of(line("I-1", "2026-10-01", "2026-11-20", 100_000)), List.of(), 100_000L, false);
        var over = assess(List.of(line("I-1", "2026-10-01", "2026-11-20", 100_001)), List.of(), 100_000L, false);
        assertThat(within.overLimit()).isFalse();
        assertThat(within.track()).isEqualTo("SOFT");
        assertThat(over.overLimit()).isTrue();
        assertThat(over.track()).isEqualTo("FIRM");
        assertThat(over.availableCreditMinor()).isEqualTo(-1);
    }

    @Test
    void riskClassFollowsTheOldestOverdueItem() {
        assertThat(assess(List.of(line("I", "2026-11-01", "2026-12-01", 1)), List.of(), null, false).riskClass())
                .isEqualTo("NOT_DUE");
        assertThat(assess(List.of(line("I", "2026-01-01", "2026-05-28", 1)), List.of(), null, false).riskClass())
                .as("180 days").isEqualTo("OVERDUE");
        assertThat(assess(List.of(line("I", "2026-01-01", "2026-05-27", 1)), List.of(), null, false).riskClass())
                .as("181 days").isEqualTo("DOUBTFUL");
        assertThat(assess(List.of(line("I", "2025-01-01", "2025-11-23", 1)), List.of(), null, false).riskClass())
                .as("366 days").isEqualTo("BAD");
        assertThat(assess(List.of(line("I", "2026-01-01", "2026-11-23", 1)), List.of(), null, true).riskClass())
                .as("insolvent, 1 day").isEqualTo("DEAD");
        assertThat(assess(List.of(line("I", "2026-11-01", "2026-12-01", 1)), List.of(), null, true).riskClass())
                .as("insolvent, nothing overdue").isEqualTo("NOT_DUE");
    }

    @Test
    void theReminderSentIsTheHighestLevelThatAppliesNotOneOfEach() {
        // 50 days past due on the firm track (46+): FINAL, although FRIENDLY and FIRM were never sent
        var a = assess(List.of(line("I", "2026-09-01", "2026-10-05", 1_000)), List.of(), null, false);
        assertThat(a.oldestDaysPastDue()).isEqualTo(50);
        assertThat(Receivables.reminderToSend(a, List.of(), POLICY)).contains("FINAL");
        assertThat(Receivables.reminderToSend(a, List.of("FRIENDLY"), POLICY)).contains("FINAL");
        assertThat(Receivables.reminderToSend(a, List.of("FINAL"), POLICY)).isEmpty();
    }

    @Test
    void aLevelAlreadySentIsNotSentAgainInTheSameEpisode() {
        var a = assess(List.of(line("I", "2026-09-01", "2026-11-14", 1_000)), List.of(), null, false);
        assertThat(a.oldestDaysPastDue()).isEqualTo(10);
        assertThat(Receivables.reminderToSend(a, List.of(), POLICY)).contains("FRIENDLY");
        assertThat(Receivables.reminderToSend(a, List.of("FRIENDLY"), POLICY)).isEmpty();
    }

    @Test
    void theSoftTrackNeverSendsTheFinalLevel() {
        ReceivablePolicy softOnly = new ReceivablePolicy(1, POLICY.aging(), POLICY.riskClasses(), POLICY.reminders(),
                POLICY.tracks(), List.of(new ReceivablePolicy.TrackRule("SOFT", null, null, null)));
        var a = Receivables.assess(OpenItems.asOf(List.of(line("I", "2026-01-01", "2026-02-01", 1_000)), List.of(),
                AS_OF), AS_OF, null, false, softOnly);
        assertThat(a.track()).isEqualTo("SOFT");
        assertThat(a.reminderLevel()).isEqualTo("FIRM");
    }

    @Test
    void receiptsAreAllocatedToTheOldestLineOfTheirInvoice() {
        List<OpenItem> items = OpenItems.asOf(List.of(
                new InvoiceLine("I", 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1), 100),
                new InvoiceLine("I", 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 100)),
                List.of(new Receipt("I", LocalDate.of(2026, 2, 10), 150)), AS_OF);
        assertThat(items).extracting(OpenItem::outstandingMinor).containsExactly(0L, 50L);
    }

    @Test
    void dsoIsClosingReceivablesOverCreditSalesTimesDays() {
        // closing 300,000.00, sales 900,000.00 in a 90-day quarter: 300/900 × 90 = 30.00 days
        assertThat(CollectionMeasures.dso(30_000_000, 90_000_000, 90)).isEqualByComparingTo("30.00");
        assertThat(CollectionMeasures.dso(1, 0, 30)).isNull();
    }

    @Test
    void ceiComparesWhatWasCollectedWithWhatWasCollectable() {
        // opening 200, sales 500, closing 250 of which current 150: (200+500-250)/(200+500-150) × 100
        // = 450/550 × 100 = 81.82
        assertThat(CollectionMeasures.cei(20_000, 50_000, 25_000, 15_000)).isEqualByComparingTo(new BigDecimal("81.82"));
    }

    @Test
    void agingBandsWithAGapAreRefusedNamingTheBand() {
        assertThatThrownBy(() -> new ReceivablePolicy(1,
                List.of(new ReceivablePolicy.AgingBand("A", null, 0, 10), new ReceivablePolicy.AgingBand("B", null, 12, null)),
                POLICY.riskClasses(), POLICY.reminders(), POLICY.tracks(), POLICY.trackRules()))
                .hasMessageContaining("band B must start at day 11");
    }

    @Test
    void trackRulesWithoutACatchAllAreRefused() {
        assertThatThrownBy(() -> new ReceivablePolicy(1, POLICY.aging(), POLICY.riskClasses(), POLICY.reminders(),
                POLICY.tracks(), List.of(new ReceivablePolicy.TrackRule("FIRM", 46, null, null))))
                .hasMessageContaining("last rule");
    }

    @Test
    void riskRulesLeavingADayUnclassifiedAreRefused() {
        assertThatThrownBy(() -> new ReceivablePolicy(1, POLICY.aging(),
                List.of(new ReceivablePolicy.RiskRule("NOT_DUE", null, 0, 0, null),
                        new ReceivablePolicy.RiskRule("OVERDUE", null, 2, null, null)),
                POLICY.reminders(), POLICY.tracks(), List.of(new ReceivablePolicy.TrackRule("SOFT", null, null, null))))
                .hasMessageContaining("1 days past due");
    }
}
