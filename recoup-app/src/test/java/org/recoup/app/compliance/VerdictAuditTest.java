package org.recoup.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerdictAuditTest {

    private static String encoded(Object value) {
        StringBuilder b = new StringBuilder();
        VerdictAudit.copyValue(b, value);
        return b.toString();
    }

    @Test
    void copyTextEscapesBackslashTabNewlineAndCarriageReturnInMessagesAndFacts() {
        assertThat(encoded("{\"a\":\"x\\y\"}\tline\nnext\rend 催收")).isEqualTo("{\"a\":\"x\\\\y\"}\\tline\\nnext\\rend 催收");
    }

    @Test
    void nullIsWrittenAsBackslashN() {
        assertThat(encoded(null)).isEqualTo("\\N");
    }

    @Test
    void timestampsAreWrittenAsUtcInstantsWithMicroseconds() {
        Instant at = Instant.parse("2026-11-23T09:30:00.123456Z");
        assertThat(encoded(Timestamp.from(at))).isEqualTo("2026-11-23T09:30:00.123456Z");
        assertThat(encoded(7)).isEqualTo("7");
    }
}
