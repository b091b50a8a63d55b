package org.recoup.engine.agency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an agency's contract: commission percentages by the bucket an account had when it was placed, a
 * default percentage for buckets the table does not name, and the dates it is valid (both inclusive; {@code validTo}
 * null = open-ended).
 */
public record Contract(String agencyId, int version, LocalDate validFrom, LocalDate validTo,
                       Map<String, BigDecimal> ratesByBucket, BigDecimal defaultRate) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Contract {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(validFrom, "validFrom");
        ratesByBucket = Map.copyOf(ratesByBucket == null ? Map.of() : ratesByBucket);
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo " + validTo + " is before validFrom " + validFrom);
        }
        ratesByBucket.forEach((bucket, rate) -> requirePercent("ratesByBucket." + bucket, rate));
        if (defaultRate != null) {
            requirePercent("defaultRate", defaultRate);
        }
    }

    private static void requirePercent(String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(field + " must be a percentage from 0 to 100, was " + rate);
        }
    }

    /** Whether the contract is valid on {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** The commission percentage for an account placed in {@code bucket}; empty when neither the table nor a default names it. */
    public Optional<BigDecimal> rateFor(String bucket) {
        BigDecimal rate = ratesByBucket.get(bucket);
        return Optional.ofNullable(rate != null ? rate : defaultRate);
    }

    /** The contract in force on {@code date}: of the versions that cover it, the highest. */
    public static Optional<Contract> inForce(List<Contract> versions, LocalDate date) {
        Contract best = null;
        for (Contract c : versions) {
            if (c.covers(date) && (best == null || c.version() > best.version())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }
}
