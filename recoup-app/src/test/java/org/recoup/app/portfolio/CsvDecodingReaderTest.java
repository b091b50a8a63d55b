package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvDecodingReaderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String PARTIES = "party_id,name,region,time_zone\nP-1,李明,北京,Asia/Shanghai\nP-2,王芳,上海,Asia/Shanghai\n";

    @Test
    void utf8WithByteOrderMarkIsUtf8AndTheMarkIsDropped() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, PARTIES.getBytes(StandardCharsets.UTF_8));
        Decoded d = decode(bytes);
        assertThat(d.text()).isEqualTo(PARTIES);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8WithoutByteOrderMarkIsDetected() throws IOException {
        Decoded d = decode(PARTIES.getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).isEqualTo(PARTIES);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkWithoutByteOrderMarkIsReadAsGb18030() throws IOException {
        Decoded d = decode(PARTIES.getBytes(GBK));
        assertThat(d.text()).isEqualTo(PARTIES).contains("李明", "王芳");
        assertThat(d.charset().name()).isEqualTo("GB18030");
    }

    @Test
    void aMostlyAsciiGbkFileWhoseFirstChineseIsFarInIsStillGb18030() throws IOException {
        String text = asciiRows(20_000) + "P-9,张强,乌鲁木齐,Asia/Urumqi\n";
        byte[] bytes = text.getBytes(GBK);
        assertThat(firstNonAscii(bytes)).isGreaterThan(CsvDecodingReader.LOOKAHEAD * 5);
        Decoded d = decode(bytes);
        assertThat(d.text()).isEqualTo(text).endsWith("P-9,张强,乌鲁木齐,Asia/Urumqi\n");
        assertThat(d.charset().name()).isEqualTo("GB18030");
    }

    @Test
    void aMostlyAsciiUtf8FileWhoseFirstChineseIsFarInIsStillUtf8() throws IOException {
        String text = asciiRows(20_000) + "P-9,张强,乌鲁木齐,Asia/Urumqi\n";
        Decoded d = decode(text.getBytes(StandardCharsets.UTF_8));
        assertThat(d.text()).isEqualTo(text);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aPureAsciiFileReadsUnchangedAndReportsAscii() throws IOException {
        String text = asciiRows(100);
        CsvDecodingReader reader = new CsvDecodingReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertThat(readAll(reader)).isEqualTo(text);
        assertThat(reader.encodingName()).isEqualTo("US-ASCII");
    }

    @Test
    void aUtf8FileWithInvalidBytesLaterIsRejectedRatherThanMisread() {
        byte[] utf8 = PARTIES.getBytes(StandardCharsets.UTF_8);
        byte[] later = asciiRows(20_000).getBytes(StandardCharsets.US_ASCII);
        byte[] gbk = "P-3,张强\n".getBytes(GBK);
        byte[] mixed = concat(concat(utf8, later), gbk);
        assertThatThrownBy(() -> decode(mixed)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, PARTIES.getBytes(StandardCharsets.UTF_16LE));
        assertThat(decode(bytes).text()).isEqualTo(PARTIES);
    }

    private record Decoded(String text, Charset charset) {
    }

    private static Decoded decode(byte[] bytes) throws IOException {
        CsvDecodingReader reader = new CsvDecodingReader(new ByteArrayInputStream(bytes));
        String text = readAll(reader);
        return new Decoded(text, reader.charset());
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[777];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static String asciiRows(int rows) {
        StringBuilder b = new StringBuilder("party_id,name,region,time_zone\n");
        for (int i = 0; i < rows; i++) {
            b.append("P-").append(i).append(",Jordan Lee,NY,America/New_York\n");
        }
        return b.toString();
    }

    private static int firstNonAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
