package org.recoup.app.analytics;

import java.time.OffsetDateTime;

/** The daily run that produced the states shown; {@code finishedAt} is {@code null} while it runs. */
public record RunSummary(long id, String status, OffsetDateTime finishedAt) {
}
