package org.recoup.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.recoup.engine.legal.Interruption.Kind;

class LimitationPropertiesTest {

    private static final LocalDate START = LocalDate.of(2022, 3, 15);

    @Property
    void anotherInterruptionNeverShortensTheLimitation(@ForAll @Size(max = 6) List<@IntRange(min = -400, max = 2500) Integer> offsets,
                                                      @ForAll @IntRange(min = 0, max = 2500) int extra,
                                                      @ForAll @IntRange(min = 1, max = 5) int years) {
        LimitationRule rule = new LimitationRule(years, 90);
        LocalDate asOf = START.plusDays(3000);
        List<Interruption> interruptions = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            interruptions.add(new Interruption(Kind.PROMISE, START.plusDays(offsets.get(i)), "e" + i));
        }
        Limitation before = rule.assess(new LimitationFacts(START, interruptions, null), asOf);
        interruptions.add(new Interruption(Kind.PARTIAL_PAYMENT, START.plusDays(extra), "x"));
        Limitation after = rule.assess(new LimitationFacts(START, interruptions, null), asOf);

        assertThat(after.limitationDate()).isAfterOrEqualTo(before.limitationDate());
    }

    @Property
    void theLimitationDateIsAlwaysTheStartOrAnInterruptionPlusThePeriod(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 2500) Integer> offsets) {
        LimitationRule rule = new LimitationRule(3, 90);
        List<Interruption> interruptions = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            interruptions.add(new Interruption(Kind.LETTER_RECEIPT, START.plusDays(offsets.get(i)), "e" + i));
        }
        Limitation l = rule.assess(new LimitationFacts(START, interruptions, null), START.plusDays(3000));

        LocalDate from = l.restartedBy() == null ? START : l.restartedBy().date();
        assertThat(l.limitationDate()).isEqualTo(from.plusYears(3));
        if (l.restartedBy() != null) {
            assertThat(l.restartedBy().date()).isAfterOrEqualTo(START);
        }
    }
}
