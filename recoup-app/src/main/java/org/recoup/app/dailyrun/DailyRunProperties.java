package org.recoup.app.dailyrun;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the daily run.
 *
 * @param partitions how many account ranges are assessed in parallel (default: available processors)
 */
@ConfigurationProperties("recoup.run")
public record DailyRunProperties(Integer partitions) {

    int effectivePartitions() {
        return partitions == null || partitions < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : partitions;
    }
}
