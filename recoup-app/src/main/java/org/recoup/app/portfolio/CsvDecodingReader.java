package org.recoup.app.portfolio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a CSV file whose encoding is not declared, in one pass: a byte-order mark means UTF-8 (or UTF-16);
 * otherwise the text is read as plain ASCII until the first non-ASCII byte, and there the next
 * {@value #LOOKAHEAD} bytes decide — valid UTF-8 means UTF-8, anything else GB18030 (a superset of GBK and GB2312).
 * So a file that is ASCII for its first hundred megabytes and has Chinese later is still detected correctly, and
 * nothing is read twice.
 *
 * <p>Decoding is strict after the decision: bytes that are not valid in the chosen encoding raise a
 * {@link java.nio.charset.MalformedInputException} (a file that mixes encodings is rejected, not turned into
 * mojibake).
 */
final class CsvDecodingReader extends Reader {

    static final int LOOKAHEAD = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    private byte[] buffer = new byte[LOOKAHEAD * 2];
    private int position;
    private int limit;
    private boolean endOfInput;
    private Charset charset;
    private Reader decoded;

    CsvDecodingReader(InputStream in) throws IOException {
        this.in = in;
        fill(4);
        if (startsWith(0xEF, 0xBB, 0xBF)) {
            position = 3;
            decodeRestAs(StandardCharsets.UTF_8);
        } else if (startsWith(0xFF, 0xFE)) {
            position = 2;
            decodeRestAs(StandardCharsets.UTF_16LE);
        } else if (startsWith(0xFE, 0xFF)) {
            position = 2;
            decodeRestAs(StandardCharsets.UTF_16BE);
        }
    }

    /** The encoding decided so far: null while only ASCII has been read (ASCII reads the same in every candidate). */
    Charset charset() {
        return charset;
    }

    /** The encoding to report: the decided one, or US-ASCII for a file that had no other bytes (so far). */
    String encodingName() {
        return charset == null ? "US-ASCII" : charset.name();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (decoded != null) {
            return decoded.read(target, offset, length);
        }
        if (position == limit) {
            fill(1);
            if (position == limit) {
                return -1;
            }
        }
        int copied = 0;
        while (copied < length && position < limit) {
            byte b = buffer[position];
            if (b < 0) {
                decide();
                if (copied > 0) {
                    return copied;
                }
                return decoded.read(target, offset, length);
            }
            target[offset + copied++] = (char) b;
            position++;
        }
        return copied;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** At the first non-ASCII byte: look ahead, pick UTF-8 when the bytes are valid UTF-8, else GB18030. */
    private void decide() throws IOException {
        fill(LOOKAHEAD);
        decodeRestAs(isValidUtf8(buffer, position, limit, endOfInput) ? StandardCharsets.UTF_8 : GB18030);
    }

    private void decodeRestAs(Charset chosen) {
        charset = chosen;
        CharsetDecoder decoder = chosen.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), in);
        decoded = new InputStreamReader(rest, decoder);
    }

    /** Makes at least {@code wanted} unread bytes available unless the input ends first. */
    private void fill(int wanted) throws IOException {
        if (limit - position >= wanted || endOfInput) {
            return;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (buffer.length < wanted) {
            buffer = java.util.Arrays.copyOf(buffer, wanted);
        }
        while (limit < wanted) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
                return;
            }
            limit += read;
        }
    }

    private boolean startsWith(int... bytes) {
        if (limit - position < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((buffer[position + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bytes[from, to)} is valid UTF-8; a sequence cut off at {@code to} counts as valid unless the
     * input ends there.
     */
    static boolean isValidUtf8(byte[] bytes, int from, int to, boolean endOfInput) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer scratch = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(input, scratch, endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !endOfInput || decoder.flush(scratch.clear()).isUnderflow();
            }
            scratch.clear();
        }
    }
}
