package org.recoup.engine.bureau;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The layout of a bureau file. {@code FIXED}: each record is the fields side by side, each padded to its width;
 * {@code CSV}: the fields are columns with a header row. {@code lineEnd} is {@code CRLF} or {@code LF}.
 *
 * @param header  for FIXED, an optional first line (text, {@code {month}} and {@code {count}} replaced); ignored for CSV
 */
public record BureauLayout(Integer version, Format format, String lineEnd, String header, List<Field> fields) {

    public enum Format { FIXED, CSV }

    public enum Align { LEFT, RIGHT }

    public enum Overflow { ERROR, TRUNCATE }

    /**
     * One field: {@code source} names the value (see {@code BureauFile.SOURCES}); for FIXED, {@code width} characters,
     * aligned and padded with {@code pad}; a longer value is an error or cut to the width ({@code overflow}).
     */
    public record Field(String name, String source, Integer width, Align align, String pad, Overflow overflow) {
        public Field {
            width = width == null ? 0 : width;
            Objects.requireNonNull(name, "name");
            source = source == null ? name : source;
            align = align == null ? Align.LEFT : align;
            pad = pad == null || pad.isEmpty() ? " " : pad;
            overflow = overflow == null ? Overflow.ERROR : overflow;
            if (pad.length() != 1) {
                throw new IllegalArgumentException("field " + name + ": pad must be one character, was '" + pad + "'");
            }
        }
    }

    public BureauLayout {
        Objects.requireNonNull(format, "format");
        lineEnd = lineEnd == null ? "CRLF" : lineEnd;
        if (!lineEnd.equals("CRLF") && !lineEnd.equals("LF")) {
            throw new IllegalArgumentException("lineEnd must be CRLF or LF, was " + lineEnd);
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("fields: a layout needs at least one field");
        }
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (Field f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("fields: '" + f.name() + "' appears twice");
            }
            if (!BureauFile.SOURCES.contains(f.source())) {
                throw new IllegalArgumentException("field " + f.name() + ": unknown source '" + f.source()
                        + "'; one of " + BureauFile.SOURCES);
            }
            if (format == Format.FIXED && f.width() < 1) {
                throw new IllegalArgumentException("field " + f.name() + ": width must be at least 1 in a FIXED layout");
            }
        }
    }

    public BureauLayout withVersion(int v) {
        return new BureauLayout(v, format, lineEnd, header, fields);
    }

    String newline() {
        return lineEnd.equals("LF") ? "\n" : "\r\n";
    }
}
