package org.recoup.app.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to import: the files of contract §2 given as a directory, a zip, an XLSX workbook, named files or named
 * streams. Names decide what an entry is: {@code *.zip} is an archive of files, {@code *.xlsx} a workbook with one
 * sheet per file ({@code accounts} or {@code accounts.csv}), anything else a CSV file named as in the contract
 * ({@code accounts.csv}, also without {@code .csv}). Files are read when the import runs, once, streaming.
 *
 * <pre>{@code
 * ImportSource.of(Path.of("portfolio.zip"))
 * ImportSource.directory(Path.of("/data/portfolio"))
 * ImportSource.files(Map.of("accounts.csv", accountsPath, "installments.csv", installmentsPath))
 * ImportSource.streams(Map.of("accounts.csv", () -> s3.open("accounts.csv")))
 * }</pre>
 */
public final class ImportSource {

    /** Opens a stream of one entry's bytes; may be called more than once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** One named entry; {@code path} is set when it is a file on disk. */
    record Entry(String name, Path path, Opener opener) {
    }

    private final List<Entry> entries;

    private ImportSource(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file; expected " + ImportFile.expectedNames());
        }
        this.entries = List.copyOf(entries);
    }

    /** A directory, a {@code .zip}, a {@code .xlsx} or a single CSV file named as in the contract. */
    public static ImportSource of(Path path) {
        if (Files.isDirectory(path)) {
            return directory(path);
        }
        return new ImportSource(List.of(file(path.getFileName().toString(), path)));
    }

    /** The {@code .csv}, {@code .xlsx} and {@code .zip} files directly in {@code directory} (other files are ignored). */
    public static ImportSource directory(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            List<Entry> entries = listing
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".zip");
                    })
                    .sorted()
                    .map(p -> file(p.getFileName().toString(), p))
                    .toList();
            return new ImportSource(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** A zip of the CSV files (and/or XLSX workbooks); folders inside it are ignored. */
    public static ImportSource zip(Path zip) {
        return new ImportSource(List.of(file(withSuffix(zip.getFileName().toString(), ".zip"), zip)));
    }

    /** An XLSX workbook with one sheet per file. */
    public static ImportSource workbook(Path xlsx) {
        return new ImportSource(List.of(file(withSuffix(xlsx.getFileName().toString(), ".xlsx"), xlsx)));
    }

    /** Files on disk under the names that say what they are, e.g. {@code "installments.csv" → /tmp/upload-17}. */
    public static ImportSource files(Map<String, Path> files) {
        List<Entry> entries = new ArrayList<>();
        new LinkedHashMap<>(files).forEach((name, path) -> entries.add(file(name, path)));
        return new ImportSource(entries);
    }

    /** Streams under the names that say what they are; each opener is called when the import reads that entry. */
    public static ImportSource streams(Map<String, Opener> streams) {
        List<Entry> entries = new ArrayList<>();
        new LinkedHashMap<>(streams).forEach((name, opener) ->
                entries.add(new Entry(Objects.requireNonNull(name), null, Objects.requireNonNull(opener))));
        return new ImportSource(entries);
    }

    /** The entry names, in the order given. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    List<Entry> entries() {
        return entries;
    }

    private static Entry file(String name, Path path) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        return new Entry(name, path, () -> Files.newInputStream(path));
    }

    private static String withSuffix(String name, String suffix) {
        return name.toLowerCase(Locale.ROOT).endsWith(suffix) ? name : name + suffix;
    }

    @Override
    public String toString() {
        return "ImportSource" + names();
    }
}
