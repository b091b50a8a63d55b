package org.recoup.engine.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.recoup.engine.debt.Payment;
import org.recoup.engine.segmentation.PtpHistory;
import org.recoup.engine.segmentation.PtpStatus;

/**
 * Resolves the promises to pay of one account from its payments, as of a business date (contract §4).
 *
 * <p>Rules:
 * <ul>
 * <li><b>What is known.</b> As of {@code asOf}, only promises made, payments received and cancellations recorded
 *     before the end of {@code asOf} in the account's zone count — a rerun for a past date gives the same answer.</li>
 * <li><b>Window.</b> A payment counts toward a promise when it is received at or after the promise's
 *     {@code promisedAt} and its value date (in the zone) is on or before {@code dueDate + graceDays}, and the promise
 *     was not cancelled before the payment.</li>
 * <li><b>Allocation.</b> Payments are taken in the order received; each payment's amount goes to the open promises
 *     in its window oldest due date first (then oldest promise, then id), each promise taking at most what it still
 *     lacks. A payment is counted once: money allocated to one promise is not counted for another; a remainder beyond
 *     all open promises is not counted for any.</li>
 * <li><b>Status.</b> KEPT as soon as the allocated payments cover the amount (resolved on that payment's value date);
 *     otherwise CANCELLED if cancelled before its window closed; otherwise, after {@code dueDate + graceDays},
 *     PARTIALLY_KEPT when something was allocated and BROKEN when nothing was (resolved on the first day after the
 *     window); otherwise PENDING.</li>
 * </ul>
 * Deterministic and free of the clock: the business date and the zone are inputs.
 */
public final class PromiseResolver {

    private static final Comparator<Promise> BY_DUE = Comparator.comparing(Promise::dueDate)
            .thenComparing(Promise::promisedAt).thenComparing(Promise::id);
    private static final Comparator<Promise> BY_MADE = Comparator.comparing(Promise::promisedAt)
            .thenComparing(Promise::id);
    private static final Comparator<Payment> BY_RECEIVED = Comparator.comparing(Payment::paidAt)
            .thenComparing(Payment::id);

    private PromiseResolver() {
    }

    /**
     * The status of every promise made by the end of {@code asOf}, in the order they were made (then id). Promises
     * made later are left out.
     */
    public static List<PromiseResolution> resolve(Collection<Promise> promises, Collection<Payment> payments,
                                                  LocalDate asOf, ZoneId zone, PromisePolicy policy) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(policy, "policy");
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Promise[] known = promises.stream().filter(p -> p.promisedAt().isBefore(endOfAsOf))
                .sorted(BY_DUE).toArray(Promise[]::new);
        int n = known.length;
        if (n == 0) {
            return List.of();
        }
        Instant[] windowEnd = new Instant[n];
        Instant[] cancelled = new Instant[n];
        long[] paid = new long[n];
        LocalDate[] coveredOn = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            windowEnd[i] = lastDay(known[i], policy).plusDays(1).atStartOfDay(zone).toInstant();
            Instant c = known[i].cancelledAt();
            cancelled[i] = c != null && c.isBefore(endOfAsOf) ? c : null;
        }
        Payment[] received = payments.stream().filter(p -> p.paidAt().isBefore(endOfAsOf))
                .sorted(BY_RECEIVED).toArray(Payment[]::new);
        for (Payment payment : received) {
            long remaining = payment.amount();
            Instant at = payment.paidAt();
            for (int i = 0; i < n && remaining > 0; i++) {
                Promise p = known[i];
                if (paid[i] == p.amount() || at.isBefore(p.promisedAt()) || !at.isBefore(windowEnd[i])
                        || (cancelled[i] != null && !at.isBefore(cancelled[i]))) {
                    continue;
                }
                long take = Math.min(remaining, p.amount() - paid[i]);
                paid[i] += take;
                remaining -= take;
                if (paid[i] == p.amount()) {
                    coveredOn[i] = at.atZone(zone).toLocalDate();
                }
            }
        }
        List<PromiseResolution> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Promise p = known[i];
            LocalDate firstDayAfter = lastDay(p, policy).plusDays(1);
            PromiseResolution r;
            if (coveredOn[i] != null) {
                r = new PromiseResolution(p, PromiseStatus.KEPT, paid[i], coveredOn[i]);
            } else if (cancelled[i] != null && cancelled[i].isBefore(windowEnd[i])) {
                r = new PromiseResolution(p, PromiseStatus.CANCELLED, paid[i], cancelled[i].atZone(zone).toLocalDate());
            } else if (asOf.isBefore(firstDayAfter)) {
                r = new PromiseResolution(p, PromiseStatus.PENDING, paid[i], null);
            } else {
                r = new PromiseResolution(p, paid[i] > 0 ? PromiseStatus.PARTIALLY_KEPT : PromiseStatus.BROKEN,
                        paid[i], firstDayAfter);
            }
            out.add(r);
        }
        out.sort(Comparator.comparing(PromiseResolution::promise, BY_MADE));
        return out;
    }

    /**
     * The promise history segmentation and strategies read, from the resolutions as of {@code asOf}:
     * <ul>
     * <li>CANCELLED promises are left out entirely (a withdrawn promise is neither made, kept nor broken);</li>
     * <li>{@code made} counts the other promises, {@code kept} the KEPT ones, {@code broken} the BROKEN and the
     *     PARTIALLY_KEPT ones (a promise paid only in part is a broken promise for the strategy: the customer did not
     *     do what they said);</li>
     * <li>{@code lastStatus} is the status of the most recently made promise, PARTIALLY_KEPT mapped to BROKEN;
     *     {@code daysToDue} = its due date − {@code asOf} while PENDING (negative during the grace days);
     *     {@code daysSinceResolved} = {@code asOf} − its resolution date when KEPT or BROKEN;</li>
     * <li>no promise (or only cancelled ones) → {@link PtpHistory#NONE}.</li>
     * </ul>
     */
    public static PtpHistory history(List<PromiseResolution> resolutions, LocalDate asOf) {
        PromiseResolution last = null;
        int made = 0;
        int kept = 0;
        int broken = 0;
        for (PromiseResolution r : resolutions) {
            if (r.status() == PromiseStatus.CANCELLED) {
                continue;
            }
            made++;
            switch (r.status()) {
                case KEPT -> kept++;
                case BROKEN, PARTIALLY_KEPT -> broken++;
                default -> { }
            }
            if (last == null || BY_MADE.compare(r.promise(), last.promise()) > 0) {
                last = r;
            }
        }
        if (last == null) {
            return PtpHistory.NONE;
        }
        return switch (last.status()) {
            case PENDING -> new PtpHistory(made, kept, broken, PtpStatus.PENDING,
                    Math.toIntExact(ChronoUnit.DAYS.between(asOf, last.promise().dueDate())), null);
            case KEPT -> new PtpHistory(made, kept, broken, PtpStatus.KEPT, null,
                    Math.toIntExact(ChronoUnit.DAYS.between(last.resolvedOn(), asOf)));
            case BROKEN, PARTIALLY_KEPT -> new PtpHistory(made, kept, broken, PtpStatus.BROKEN, null,
                    Math.toIntExact(ChronoUnit.DAYS.between(last.resolvedOn(), asOf)));
            case CANCELLED -> throw new IllegalStateException("cancelled promises are skipped");
        };
    }

    /** {@link #resolve} then {@link #history}. */
    public static PtpHistory history(Collection<Promise> promises, Collection<Payment> payments, LocalDate asOf,
                                     ZoneId zone, PromisePolicy policy) {
        return history(resolve(promises, payments, asOf, zone, policy), asOf);
    }

    /** The last day payments count toward the promise: its due date plus the grace days. */
    public static LocalDate lastDay(Promise promise, PromisePolicy policy) {
        return promise.dueDate().plusDays(policy.graceDays());
    }
}
