package org.recoup.bench;

import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The import phase of the end-to-end benchmark (filled in with the import pipeline). */
final class ImportPhase {

    private ImportPhase() {
    }

    static List<String[]> run(ConfigurableApplicationContext app, Path dir) {
        throw new UnsupportedOperationException("import benchmark not wired yet");
    }
}
