package org.recoup.app.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.recoup.app.ApiClient;

/**
 * The contract's sample portfolio (a copy under {@code src/test/resources/import/sample}) with every id prefixed, so
 * each test imports its own accounts, parties, payments… into the shared test database.
 */
final class ImportSamples {

    static final List<String> FILES = List.of("accounts.csv", "parties.csv", "account_parties.csv",
            "contact_points.csv", "installments.csv", "payments.csv", "contacts.csv");

    /** Data rows per sample file. */
    static final Map<String, Long> ROWS = Map.of("accounts.csv", 5L, "parties.csv", 6L, "account_parties.csv", 6L,
            "contact_points.csv", 7L, "installments.csv", 7L, "payments.csv", 3L, "contacts.csv", 3L);

    private final String prefix;

    /** {@code prefix} goes in front of every id: {@code L-1001} becomes {@code <prefix>L-1001}. */
    ImportSamples(String prefix) {
        this.prefix = prefix;
    }

    String id(String sampleId) {
        return prefix + sampleId;
    }

    /** The sample file with prefixed ids. */
    String csv(String file) {
        return prefixIds(read(file));
    }

    String prefixIds(String text) {
        return text.replaceAll("\\b(L|C|R|F|U|P|CP|PAY|CT)-(\\d+)\\b", prefix + "$1-$2");
    }

    /** All seven files as multipart parts named like the files. */
    Map<String, ApiClient.Part> parts() {
        Map<String, ApiClient.Part> parts = ApiClient.parts();
        for (String file : FILES) {
            parts.put(file, ApiClient.Part.csv(file, csv(file)));
        }
        return parts;
    }

    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        FILES.forEach(f -> files.put(f, csv(f)));
        return files;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String read(String file) {
        try (InputStream in = ImportSamples.class.getResourceAsStream("/import/sample/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
