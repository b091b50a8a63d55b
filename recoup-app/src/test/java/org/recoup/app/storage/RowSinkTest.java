package org.recoup.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowSinkTest {

    private static String encoded(Object value) {
        RowSink.CopyBuffer b = new RowSink.CopyBuffer();
        b.value(value);
        return new String(Arrays.copyOf(b.bytes, b.size), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object value) {
        RowSink.CopyBuffer b = new RowSink.CopyBuffer();
        b.value(value);
        return Arrays.copyOf(b.bytes, b.size);
    }

    @Test
    void copyTextEscapesBackslashTabNewlineAndCarriageReturn() {
        assertThat(encoded("a\\b\tc\nd\re|f")).isEqualTo("a\\\\b\\tc\\nd\\re|f");
        // a verdict's facts and messages: JSON with a backslash, control characters and Chinese
        assertThat(encoded("{\"a\":\"x\\y\"}\tline\nnext\rend 催收")).isEqualTo("{\"a\":\"x\\\\y\"}\\tline\\nnext\\rend 催收");
    }

    @Test
    void nullIsWrittenAsBackslashN() {
        assertThat(encoded(null)).isEqualTo("\\N");
    }

    @Test
    void nonAsciiTextIsEncodedAsUtf8LikeStringGetBytes() {
        for (String s : new String[] {"王小明 ☎ 催收", "café", "emoji 😀 end", "lone \uD83D surrogate", "end \uDE00"}) {
            assertThat(bytes(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void datesInstantsAndNumbersAreWrittenInTheirIsoOrDecimalForm() {
        assertThat(encoded(LocalDate.of(2026, 11, 23))).isEqualTo("2026-11-23");
        assertThat(encoded(Instant.parse("2026-11-23T02:00:00Z"))).isEqualTo("2026-11-23T02:00:00Z");
        assertThat(encoded(-42L)).isEqualTo("-42");
        assertThat(encoded(7)).isEqualTo("7");
        assertThat(encoded(Instant.parse("2026-11-23T09:30:00.123456Z"))).as("microseconds kept, UTC")
                .isEqualTo("2026-11-23T09:30:00.123456Z");
    }

    @Test
    void aValueLargerThanTheBufferGrowsIt() {
        String big = "x".repeat(200_000) + "\t";
        assertThat(encoded(big)).hasSize(200_002).endsWith("x\\t");
    }
}
