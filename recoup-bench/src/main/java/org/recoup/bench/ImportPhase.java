package org.recoup.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recoup.app.portfolio.ImportMode;
import org.recoup.app.portfolio.ImportProgress;
import org.recoup.app.portfolio.ImportResult;
import org.recoup.app.portfolio.ImportService;
import org.recoup.app.portfolio.ImportSource;
import org.springframework.context.ConfigurableApplicationContext;

/** The import phase of the end-to-end benchmark: the generated portfolio through the real import pipeline. */
final class ImportPhase {

    private ImportPhase() {
    }

    static List<String[]> run(ConfigurableApplicationContext app, Path dir) {
        ImportService imports = app.getBean(ImportService.class);
        long t0 = System.nanoTime();
        ImportResult result = imports.importFiles(ImportSource.directory(dir), ImportMode.ALL_OR_NOTHING,
                new ImportProgress() {
                    @Override
                    public void rows(String file, long rowsProcessed) {
                    }

                    @Override
                    public void phase(String phase) {
                        System.err.printf("import: %s after %.1f s%n", phase, (System.nanoTime() - t0) / 1e9);
                    }
                }, "bench");
        double millis = (System.nanoTime() - t0) / 1e6;
        if (!result.applied()) {
            throw new IllegalStateException("import failed: " + result.failure() + " " + result.errors());
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(EndToEndBenchmark.row("import rows (all files)", String.format(Locale.ROOT, "%,d", result.processed()),
                String.join(", ", result.files().stream()
                        .map(f -> f.file() + " " + String.format(Locale.ROOT, "%,d", f.rows())).toList())));
        rows.add(EndToEndBenchmark.row("import (stream, validate, stage, check, apply)", EndToEndBenchmark.ms(millis),
                EndToEndBenchmark.rate(result.processed(), millis) + " rows/s"));
        return rows;
    }
}
