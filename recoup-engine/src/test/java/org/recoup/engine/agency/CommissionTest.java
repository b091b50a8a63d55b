package org.recoup.engine.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommissionTest {

    @Test
    void commissionIsAmountTimesPercentRoundedHalfUpToTheMinorUnit() {
        // 333.33 × 15% = 49.9995 → 50.00
        assertThat(Commission.on(33_333, new BigDecimal("15"))).isEqualTo(5_000);
        // 100.03 × 12.5% = 12.50375 → 12.50
        assertThat(Commission.on(10_003, new BigDecimal("12.5"))).isEqualTo(1_250);
        // 0.05 × 10% = 0.005 → 0.01 (half-up)
        assertThat(Commission.on(5, BigDecimal.TEN)).isEqualTo(1);
    }

    @Test
    void liquidationRateIsCollectedOverBalanceToFourDecimals() {
        assertThat(Commission.liquidationRate(1_000, 3_000)).isEqualByComparingTo("0.3333");
        assertThat(Commission.liquidationRate(2_000, 3_000)).isEqualByComparingTo("0.6667");
        assertThat(Commission.liquidationRate(5, 0)).isNull();
    }

    @Test
    void theContractInForceIsTheHighestVersionCoveringTheDate() {
        Contract v1 = new Contract("AG-1", 1, LocalDate.parse("2026-01-01"), null,
                Map.of("M2", new BigDecimal("15")), new BigDecimal("20"));
        Contract v2 = new Contract("AG-1", 2, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-12-31"),
                Map.of("M2", new BigDecimal("12")), null);
        assertThat(Contract.inForce(List.of(v1, v2), LocalDate.parse("2026-06-30"))).contains(v1);
        assertThat(Contract.inForce(List.of(v1, v2), LocalDate.parse("2026-07-01"))).contains(v2);
        assertThat(Contract.inForce(List.of(v1, v2), LocalDate.parse("2027-01-01"))).contains(v1);
        assertThat(Contract.inForce(List.of(v2), LocalDate.parse("2026-01-01"))).isEmpty();
        assertThat(v1.rateFor("M5")).contains(new BigDecimal("20"));
        assertThat(v2.rateFor("M5")).isEmpty();
    }

    @Test
    void aRateOutsideZeroToHundredIsRefusedNamingTheBucket() {
        assertThatThrownBy(() -> new Contract("AG-1", 1, LocalDate.parse("2026-01-01"), null,
                Map.of("M3", new BigDecimal("120")), null))
                .hasMessageContaining("ratesByBucket.M3");
    }
}
