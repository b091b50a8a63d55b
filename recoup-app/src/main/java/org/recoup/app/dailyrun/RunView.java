package org.recoup.app.dailyrun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A daily run as the API shows it. */
public record RunView(long id, LocalDate asOf, RunStatus status, Integer policyVersion, Counts counts, Timings timings,
                      String requestedBy, String error) {

    public record Counts(long accounts, long processed) {
    }

    public record Timings(Instant requestedAt, Instant startedAt, Instant finishedAt, Long durationMs) {

        static Timings of(Instant requested, Instant started, Instant finished) {
            Long duration = started != null && finished != null ? Duration.between(started, finished).toMillis() : null;
            return new Timings(requested, started, finished, duration);
        }
    }

    public boolean finished() {
        return status == RunStatus.SUCCEEDED || status == RunStatus.FAILED;
    }
}
