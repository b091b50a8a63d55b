package org.recoup.app.portfolio;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an import does when some rows are invalid. */
public enum ImportMode {

    /** The default: any invalid row rejects the whole import and nothing is applied. */
    ALL_OR_NOTHING("all-or-nothing"),
    /** Apply the valid rows, report the invalid ones (and rows that depend on them). */
    VALID_ONLY("valid-only");

    private final String parameter;

    ImportMode(String parameter) {
        this.parameter = parameter;
    }

    /** The name used by the API and the command line: {@code all-or-nothing} or {@code valid-only}. */
    @JsonValue
    public String parameter() {
        return parameter;
    }

    /** Parses {@code all-or-nothing}/{@code valid-only} (also the enum names, any case). */
    public static Optional<ImportMode> fromParameter(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(m -> m.parameter.equals(wanted)).findFirst();
    }
}
