package org.recoup.app.portfolio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Resolves an {@link ImportSource} into the import files it holds — CSV entries, zip entries, workbook sheets — each
 * at most once, in dependency order. Names that are not import files are reported as errors. Holds the opened zips
 * and workbooks (and temporary copies of streamed ones) until closed.
 */
final class ImportInputs implements Closeable {

    /** Opens the rows of one import file. */
    @FunctionalInterface
    interface RowsOpener {
        ImportRowReader open() throws IOException;
    }

    /** One import file of the source: which file it is, where it came from (for messages) and how to read it. */
    record Input(ImportFile file, String origin, RowsOpener rows) {
    }

    private final List<Closeable> resources = new ArrayList<>();
    private final List<Path> temporaryFiles = new ArrayList<>();
    private final Map<ImportFile, Input> inputs = new EnumMap<>(ImportFile.class);
    private final Consumer<ImportError> errors;

    private ImportInputs(Consumer<ImportError> errors) {
        this.errors = errors;
    }

    static ImportInputs resolve(ImportSource source, Consumer<ImportError> errors) throws IOException {
        ImportInputs inputs = new ImportInputs(errors);
        try {
            for (ImportSource.Entry entry : source.entries()) {
                inputs.add(entry);
            }
        } catch (IOException | RuntimeException e) {
            inputs.close();
            throw e;
        }
        return inputs;
    }

    /** The import files found, in dependency order (accounts first, contacts last). */
    List<Input> inputs() {
        return inputs.values().stream().sorted(Comparator.comparing(Input::file)).toList();
    }

    private void add(ImportSource.Entry entry) throws IOException {
        String lower = entry.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            addZip(entry.name(), pathOf(entry));
        } else if (lower.endsWith(".xlsx")) {
            addWorkbook(entry.name(), pathOf(entry));
        } else {
            addCsv(entry.name(), entry.name(), entry.opener()::open);
        }
    }

    private void addCsv(String name, String origin, ImportSource.Opener opener) {
        ImportFile.byName(name).ifPresentOrElse(
                file -> put(new Input(file, origin, () -> new CsvRowReader(opener.open()))),
                () -> unknown(origin, "file"));
    }

    private void addZip(String name, Path path) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            errors.accept(new ImportError(name, 1, null, "expected a zip archive of the import files: " + e.getMessage()));
            return;
        }
        resources.add(zip);
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String entryName = entry.getName();
            String base = entryName.substring(entryName.lastIndexOf('/') + 1);
            if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty()) {
                continue;
            }
            String origin = name + "!" + entryName;
            if (base.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                try (InputStream in = zip.getInputStream(entry)) {
                    addWorkbook(origin, spool(in));
                }
            } else {
                addCsv(base, origin, () -> zip.getInputStream(entry));
            }
        }
    }

    private void addWorkbook(String name, Path path) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(path.toFile());
        } catch (IOException | RuntimeException e) {
            errors.accept(new ImportError(name, 1, null, "expected an XLSX workbook: " + e.getMessage()));
            return;
        }
        resources.add(workbook);
        boolean date1904 = workbook.isDate1904();
        for (Sheet sheet : workbook.getSheets().toList()) {
            String origin = name + "!" + sheet.getName();
            ImportFile.byName(sheet.getName()).ifPresentOrElse(
                    file -> put(new Input(file, origin, () -> new XlsxRowReader(sheet, date1904))),
                    () -> {
                        if (!isEmpty(sheet)) {
                            unknown(origin, "sheet");
                        }
                    });
        }
    }

    private static boolean isEmpty(Sheet sheet) {
        try (var rows = sheet.openStream()) {
            return rows.findFirst().isEmpty();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void put(Input input) {
        Input previous = inputs.putIfAbsent(input.file(), input);
        if (previous != null) {
            errors.accept(new ImportError(input.file().fileName(), 1, null, input.file().fileName()
                    + " is given more than once (" + previous.origin() + " and " + input.origin() + ")"));
        }
    }

    private void unknown(String origin, String what) {
        errors.accept(new ImportError(origin, 1, null, "unknown " + what + " " + ImportRow.quoted(origin)
                + ", expected one of " + ImportFile.expectedNames()));
    }

    private Path pathOf(ImportSource.Entry entry) throws IOException {
        if (entry.path() != null) {
            return entry.path();
        }
        try (InputStream in = entry.opener().open()) {
            return spool(in);
        }
    }

    private Path spool(InputStream in) throws IOException {
        Path copy = Files.createTempFile("recoup-import-", ".tmp");
        temporaryFiles.add(copy);
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable resource : resources) {
            try {
                resource.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (Path file : temporaryFiles) {
            Files.deleteIfExists(file);
        }
        if (first != null) {
            throw first;
        }
    }
}
