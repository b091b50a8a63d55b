package org.recoup.app.dailyrun;

import java.time.LocalDate;

/**
 * Published by the daily run, after its request is marked SUCCEEDED, in the thread that ran it (so a caller waiting
 * for the run also waits for the listeners: routing and the work queue rebuild).
 *
 * @param runId the {@code daily_run} request that completed
 * @param asOf  the business date it ran for
 */
public record RunCompleted(long runId, LocalDate asOf) {
}
