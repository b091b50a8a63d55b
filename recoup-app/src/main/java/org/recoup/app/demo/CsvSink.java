package org.recoup.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * A fast CSV row writer producing UTF-8 (no BOM) straight into its own byte buffer, handed to the output stream in
 * 64 KiB chunks: no {@code String.format}, no char-to-byte encoder, no temporary strings for numbers, amounts, dates
 * or ids. Text fields are quoted per RFC 4180 only when they contain a comma, a quote or a line break. Lines end with
 * {@code \n}.
 */
final class CsvSink {

    private static final int CHUNK = 1 << 16;

    private final OutputStream out;
    private byte[] buf = new byte[CHUNK + 1024];
    private int pos;
    private boolean first = true;
    private long rows;
    private final byte[] digits = new byte[20];

    CsvSink(OutputStream out) {
        this.out = out;
    }

    /** Data rows written so far (the header is not counted). */
    long rows() {
        return rows;
    }

    void header(String header) throws IOException {
        utf8(header);
        put((byte) '\n');
        maybeDrain();
    }

    private void sep() {
        if (first) {
            first = false;
        } else {
            put((byte) ',');
        }
    }

    /** A value known to need no quoting (ids, codes, enum names, zone ids). */
    CsvSink raw(String value) {
        sep();
        utf8(value);
        return this;
    }

    /** Free text: quoted when needed; null is an empty field. */
    CsvSink text(String value) {
        sep();
        if (value == null) {
            return this;
        }
        boolean quote = false;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            utf8(value);
            return this;
        }
        put((byte) '"');
        int from = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
            utf8(value, from, i + 1);
            put((byte) '"');
            from = i + 1;
        }
        utf8(value, from, value.length());
        put((byte) '"');
        return this;
    }

    CsvSink empty() {
        sep();
        return this;
    }

    CsvSink integer(long value) {
        sep();
        number(value);
        return this;
    }

    /** {@code prefix} followed by a number, e.g. a payment reference {@code wx-5812}. */
    CsvSink prefixed(String prefix, long value) {
        sep();
        utf8(prefix);
        number(value);
        return this;
    }

    /**
     * An id {@code prefix + num + "-" + seq}, {@code seq} zero-padded to two digits when {@code twoDigits}
     * ({@code PAY-000001-07}, {@code P-000001-2}).
     */
    CsvSink id(String prefix, String num, int seq, boolean twoDigits) {
        sep();
        utf8(prefix);
        utf8(num);
        put((byte) '-');
        if (twoDigits && seq < 10) {
            put((byte) '0');
        }
        number(seq);
        return this;
    }

    /** An amount given in minor units, written with exactly two decimals. */
    CsvSink money(long minor) {
        sep();
        if (minor < 0) {
            put((byte) '-');
            minor = -minor;
        }
        number(minor / 100);
        put((byte) '.');
        two((int) (minor % 100));
        return this;
    }

    CsvSink flag(boolean value) {
        sep();
        put(value ? (byte) 'Y' : (byte) 'N');
        return this;
    }

    CsvSink date(LocalDate date) {
        sep();
        appendDate(date);
        return this;
    }

    /** An ISO-8601 instant with offset: {@code 2026-05-18T10:05:00+08:00}. */
    CsvSink instant(LocalDate date, int secondOfDay, String offsetId) {
        sep();
        appendDate(date);
        put((byte) 'T');
        two(secondOfDay / 3600);
        put((byte) ':');
        two(secondOfDay / 60 % 60);
        put((byte) ':');
        two(secondOfDay % 60);
        utf8(offsetId);
        return this;
    }

    void endRow() throws IOException {
        put((byte) '\n');
        first = true;
        rows++;
        maybeDrain();
    }

    /** Hands everything buffered to the output stream (does not flush the stream itself). */
    void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Drains and flushes the output stream. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void maybeDrain() throws IOException {
        if (pos >= CHUNK) {
            drain();
        }
    }

    // a row is far smaller than the 1 KiB slack, but long values grow the buffer rather than overflow it
    private void ensure(int more) {
        if (pos + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, pos + more)];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private void put(byte b) {
        if (pos == buf.length) {
            ensure(1);
        }
        buf[pos++] = b;
    }

    private void utf8(String s) {
        utf8(s, 0, s.length());
    }

    private void utf8(String s, int from, int to) {
        ensure((to - from) * 3);
        byte[] b = buf;
        int p = pos;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[p++] = (byte) '?'; // unpaired surrogate: never produced by the generator's tables
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        pos = p;
    }

    private void number(long v) {
        ensure(20);
        if (v < 0) {
            buf[pos++] = '-';
            if (v == Long.MIN_VALUE) {
                utf8("9223372036854775808");
                return;
            }
            v = -v;
        }
        if (v < 10) {
            buf[pos++] = (byte) ('0' + v);
            return;
        }
        int n = 0;
        while (v > 0) {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        while (n > 0) {
            buf[pos++] = digits[--n];
        }
    }

    private void two(int v) {
        ensure(2);
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void appendDate(LocalDate date) {
        int y = date.getYear();
        ensure(12);
        buf[pos++] = (byte) ('0' + y / 1000 % 10);
        buf[pos++] = (byte) ('0' + y / 100 % 10);
        buf[pos++] = (byte) ('0' + y / 10 % 10);
        buf[pos++] = (byte) ('0' + y % 10);
        buf[pos++] = '-';
        two(date.getMonthValue());
        put((byte) '-');
        two(date.getDayOfMonth());
    }
}
