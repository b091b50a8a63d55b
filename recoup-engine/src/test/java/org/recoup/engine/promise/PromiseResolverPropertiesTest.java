package org.recoup.engine.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.recoup.engine.debt.Payment;
import org.recoup.engine.debt.PaymentChannel;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;

/** Properties of the promise lifecycle over arbitrary promises and payments within one month. */
class PromiseResolverPropertiesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    private static Instant hourOf(int hours) {
        return START.atStartOfDay(ZONE).toInstant().plusSeconds(hours * 3600L);
    }

    @Provide
    Arbitrary<List<Promise>> promises() {
        Arbitrary<Promise> one = Combinators.combine(
                Arbitraries.longs().between(1, 500),
                Arbitraries.integers().between(0, 20 * 24),
                Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(-1, 20 * 24)).as((amount, madeHour, days, cancelHours) -> {
                    Instant made = hourOf(madeHour);
                    LocalDate due = made.atZone(ZONE).toLocalDate().plusDays(days);
                    Instant cancelled = cancelHours < 0 || cancelHours % 3 != 0 ? null : made.plusSeconds(cancelHours * 3600L);
                    return new Promise("p" + madeHour + "-" + amount, "P1", amount, due, made, cancelled);
                });
        return one.list().ofMaxSize(6).uniqueElements(Promise::id);
    }

    @Provide
    Arbitrary<List<Payment>> payments() {
        return Combinators.combine(Arbitraries.longs().between(1, 600), Arbitraries.integers().between(0, 30 * 24))
                .as((amount, hour) -> new Payment("x" + hour + "-" + amount, hourOf(hour), amount, PaymentChannel.OTHER))
                .list().ofMaxSize(8).uniqueElements(Payment::id);
    }

    @Property(tries = 500)
    void noPaymentIsCountedTwiceAndNoPromiseIsOverpaid(@ForAll("promises") List<Promise> promises,
                                                       @ForAll("payments") List<Payment> payments,
                                                       @ForAll @IntRange(max = 35) int day,
                                                       @ForAll @IntRange(max = 3) int grace) {
        LocalDate asOf = START.plusDays(day);
        Instant end = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<PromiseResolution> rs = PromiseResolver.resolve(promises, payments, asOf, ZONE, new PromisePolicy(grace));
        long received = payments.stream().filter(p -> p.paidAt().isBefore(end)).mapToLong(Payment::amount).sum();
        assertThat(rs.stream().mapToLong(PromiseResolution::paid).sum()).isLessThanOrEqualTo(received);
        for (PromiseResolution r : rs) {
            assertThat(r.paid()).isBetween(0L, r.promise().amount());
            assertThat(r.status() == PromiseStatus.KEPT).isEqualTo(r.paid() == r.promise().amount());
            if (r.status() == PromiseStatus.BROKEN) {
                assertThat(r.paid()).isZero();
            }
            if (r.resolvedOn() != null) {
                assertThat(r.resolvedOn()).isBeforeOrEqualTo(asOf);
            }
        }
    }

    @Property(tries = 300)
    void theOrderOfTheInputDoesNotMatter(@ForAll("promises") List<Promise> promises,
                                         @ForAll("payments") List<Payment> payments,
                                         @ForAll @IntRange(max = 35) int day, @ForAll long seed) {
        List<Promise> shuffledPromises = new ArrayList<>(promises);
        List<Payment> shuffledPayments = new ArrayList<>(payments);
        Collections.shuffle(shuffledPromises, new Random(seed));
        Collections.shuffle(shuffledPayments, new Random(seed + 1));
        LocalDate asOf = START.plusDays(day);
        assertThat(PromiseResolver.resolve(shuffledPromises, shuffledPayments, asOf, ZONE, PromisePolicy.DEFAULT))
                .isEqualTo(PromiseResolver.resolve(promises, payments, asOf, ZONE, PromisePolicy.DEFAULT));
    }

    @Property(tries = 300)
    void aResolvedPromiseStaysResolvedTheSameWayOnEveryLaterDate(@ForAll("promises") List<Promise> promises,
                                                                 @ForAll("payments") List<Payment> payments,
                                                                 @ForAll @IntRange(max = 30) int day,
                                                                 @ForAll @IntRange(min = 1, max = 10) int later) {
        LocalDate asOf = START.plusDays(day);
        List<PromiseResolution> now = PromiseResolver.resolve(promises, payments, asOf, ZONE, PromisePolicy.DEFAULT);
        List<PromiseResolution> then = PromiseResolver.resolve(promises, payments, asOf.plusDays(later), ZONE,
                PromisePolicy.DEFAULT);
        for (PromiseResolution r : now) {
            if (r.status().resolved()) {
                assertThat(then).contains(r);
            }
        }
    }

    @Property(tries = 300)
    void theHistoryCountsEveryPromiseThatWasNotCancelled(@ForAll("promises") List<Promise> promises,
                                                         @ForAll("payments") List<Payment> payments,
                                                         @ForAll @IntRange(max = 35) int day) {
        LocalDate asOf = START.plusDays(day);
        List<PromiseResolution> rs = PromiseResolver.resolve(promises, payments, asOf, ZONE, PromisePolicy.DEFAULT);
        PtpHistory h = PromiseResolver.history(rs, asOf);
        long notCancelled = rs.stream().filter(r -> r.status() != PromiseStatus.CANCELLED).count();
        assertThat(h.made()).isEqualTo((int) notCancelled);
        assertThat(h.kept()).isEqualTo((int) rs.stream().filter(r -> r.status() == PromiseStatus.KEPT).count());
        assertThat(h.lastStatus() == PtpStatus.NONE).isEqualTo(notCancelled == 0);
        if (h.lastStatus() == PtpStatus.PENDING) {
            assertThat(h.daysToDue()).isGreaterThanOrEqualTo(0);
        }
    }
}
