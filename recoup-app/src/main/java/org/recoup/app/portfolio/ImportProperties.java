package org.recoup.app.portfolio;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Infrastructure settings of the import ({@code recoup.import.*}).
 *
 * @param workDir        where uploaded files wait until their import has run
 * @param concurrency    imports running at the same time (the others wait in a queue)
 * @param queueCapacity  imports that may wait; beyond that a submission is refused with 503
 * @param bulkThreshold  rows of one table from which PostgreSQL loads it in bulk mode (see {@link ImportApply})
 */
@ConfigurationProperties("recoup.import")
public record ImportProperties(
        @DefaultValue("./data/imports") Path workDir,
        @DefaultValue("1") int concurrency,
        @DefaultValue("16") int queueCapacity,
        @DefaultValue("100000") long bulkThreshold) {
}
