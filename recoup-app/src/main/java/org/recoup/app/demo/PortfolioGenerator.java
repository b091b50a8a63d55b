package org.recoup.app.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates a deterministic, realistic demo portfolio in the import format of contract §2: the eight CSV files
 * (accounts, parties, account_parties, contact_points, installments, payments, contacts, promises), as files or
 * as one zip.
 *
 * <p>The same (seed, accounts, asOf) always gives byte-identical output, and account {@code i}'s rows do not depend on
 * how many accounts are generated: every account draws from random streams seeded by (seed, i), never from the clock.
 * Generation streams: one account is in memory at a time, so a million accounts (≈10M instalment rows) need no more
 * memory than ten.
 *
 * <p>Each account's delinquency as of {@code asOf} is chosen first (repaid, pre-due, current, or a days-past-due figure
 * skewed towards M1 with a tail past M6) and its schedule and payments are built to produce it; see
 * {@link GeneratedAccount}. Account ids are {@code L-000001}, {@code L-000002}, … ({@link #accountId(int)}).
 *
 * <p>Plain Java, no Spring: the demo loader and the benchmarks both use it. Run {@link #main} for a command line.
 */
public final class PortfolioGenerator {

    /** The import files, in the order they are written. */
    public static final List<String> FILES = List.of("accounts.csv", "parties.csv", "account_parties.csv",
            "contact_points.csv", "installments.csv", "payments.csv", "contacts.csv", "promises.csv");

    /** The header row of each file, exactly as contract §2 names the columns. */
    public static final List<String> HEADERS = List.of(
            "account_id,product,currency,principal,open_date,penalty_rate_per_day,penalty_cap,grace_days,jurisdiction,portfolio,creditor",
            "party_id,name,id_number,gender,birth_date,occupation,region,time_zone,deceased,bankrupt,incarcerated",
            "account_id,party_id,role",
            "contact_point_id,party_id,type,value,consent,time_zone",
            "account_id,seq,due_date,principal_due,interest_due,fee_due",
            "payment_id,account_id,paid_at,amount,channel,reference",
            "contact_id,account_id,party_id,contact_point_id,channel,at,outcome,disposition",
            "promise_id,account_id,party_id,amount,due_date,promised_at,channel,cancelled_at");

    private static final int ACCOUNTS = 0;
    private static final int PARTIES = 1;
    private static final int ACCOUNT_PARTIES = 2;
    private static final int CONTACT_POINTS = 3;
    private static final int INSTALLMENTS = 4;
    private static final int PAYMENTS = 5;
    private static final int CONTACTS = 6;
    private static final int PROMISES = 7;

    private static final int PROGRESS_EVERY = 10_000;
    private static final int FILE_BUFFER = 1 << 18;

    private final long seed;
    private final int accounts;
    private final LocalDate asOf;
    private final LongConsumer progress;

    public PortfolioGenerator(long seed, int accounts, LocalDate asOf) {
        this(seed, accounts, asOf, null);
    }

    /**
     * @param progress called with the number of accounts written so far, every 10,000 accounts and at the end; for
     *                 {@link #writeZip} (one pass per file) with the equivalent number (work done / 8)
     */
    public PortfolioGenerator(long seed, int accounts, LocalDate asOf, LongConsumer progress) {
        if (accounts < 0) {
            throw new IllegalArgumentException("accounts must not be negative: " + accounts);
        }
        this.seed = seed;
        this.accounts = accounts;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.progress = progress == null ? n -> { } : progress;
    }

    /** The id of the account with 1-based index {@code index}: {@code L-000001}, …, {@code L-1000000}. */
    public static String accountId(int index) {
        return "L-" + GeneratedAccount.pad6(index);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int accounts() {
        return accounts;
    }

    /** Writes the eight CSV files into {@code dir} (created if missing; existing files are replaced). */
    public void writeCsv(Path dir) throws IOException {
        write(dir);
    }

    /** Writes the eight CSV files into {@code dir} in one pass and answers the data rows per file. */
    public RowCounts write(Path dir) throws IOException {
        Files.createDirectories(dir);
        OutputStream[] streams = new OutputStream[FILES.size()];
        CsvSink[] sinks = new CsvSink[FILES.size()];
        try {
            for (int f = 0; f < FILES.size(); f++) {
                streams[f] = Files.newOutputStream(dir.resolve(FILES.get(f)));
                sinks[f] = new CsvSink(streams[f]); // buffers 64 KiB itself
                sinks[f].header(HEADERS.get(f));
            }
            GeneratedAccount a = new GeneratedAccount(seed, asOf);
            for (int i = 1; i <= accounts; i++) {
                a.core(i);
                a.parties();
                a.payments();
                a.contacts();
                a.promises();
                a.writeAccount(sinks[ACCOUNTS]);
                a.writeParties(sinks[PARTIES]);
                a.writeAccountParties(sinks[ACCOUNT_PARTIES]);
                a.writeContactPoints(sinks[CONTACT_POINTS]);
                a.writeInstallments(sinks[INSTALLMENTS]);
                a.writePayments(sinks[PAYMENTS]);
                a.writeContacts(sinks[CONTACTS]);
                a.writePromises(sinks[PROMISES]);
                if (i % PROGRESS_EVERY == 0) {
                    progress.accept(i);
                }
            }
            for (CsvSink sink : sinks) {
                sink.flush();
            }
            if (accounts % PROGRESS_EVERY != 0) {
                progress.accept(accounts);
            }
        } finally {
            IOException failure = null;
            for (OutputStream o : streams) {
                if (o != null) {
                    try {
                        o.close();
                    } catch (IOException e) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        return counts(sinks);
    }

    /**
     * Writes a zip of the eight files to {@code out} (one pass over the accounts per file). Finishes the zip but
     * leaves {@code out} open. Entry timestamps are fixed ({@code asOf} midnight), so the bytes are deterministic too.
     */
    public void writeZip(OutputStream out) throws IOException {
        writeZipCounted(out);
    }

    /** As {@link #writeZip}, answering the data rows per file. */
    public RowCounts writeZipCounted(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8); // finished, never closed
        CsvSink[] sinks = new CsvSink[FILES.size()];
        GeneratedAccount a = new GeneratedAccount(seed, asOf);
        for (int f = 0; f < FILES.size(); f++) {
            ZipEntry entry = new ZipEntry(FILES.get(f));
            entry.setTimeLocal(LocalDateTime.of(asOf, LocalTime.MIDNIGHT));
            zip.putNextEntry(entry);
            CsvSink sink = new CsvSink(zip);
            sinks[f] = sink;
            sink.header(HEADERS.get(f));
            for (int i = 1; i <= accounts; i++) {
                a.core(i);
                switch (f) {
                    case ACCOUNTS -> a.writeAccount(sink);
                    case PARTIES -> {
                        a.parties();
                        a.writeParties(sink);
                    }
                    case ACCOUNT_PARTIES -> {
                        a.parties();
                        a.writeAccountParties(sink);
                    }
                    case CONTACT_POINTS -> {
                        a.parties();
                        a.writeContactPoints(sink);
                    }
                    case INSTALLMENTS -> a.writeInstallments(sink);
                    case PAYMENTS -> {
                        a.payments();
                        a.promises();
                        a.writePayments(sink);
                    }
                    case CONTACTS -> {
                        a.parties();
                        a.payments();
                        a.contacts();
                        a.promises();
                        a.writeContacts(sink);
                    }
                    default -> {
                        a.payments();
                        a.promises();
                        a.writePromises(sink);
                    }
                }
                if (i % PROGRESS_EVERY == 0) {
                    long done = ((long) f * accounts + i) / FILES.size();
                    if (done < accounts) {
                        progress.accept(done);
                    }
                }
            }
            sink.drain();
            zip.closeEntry();
        }
        progress.accept(accounts);
        zip.finish();
        zip.flush();
        return counts(sinks);
    }

    private static RowCounts counts(CsvSink[] sinks) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int f = 0; f < FILES.size(); f++) {
            rows.put(FILES.get(f), sinks[f].rows());
        }
        return new RowCounts(Collections.unmodifiableMap(rows));
    }

    /** Data rows (header excluded) per file name, in {@link #FILES} order. */
    public record RowCounts(Map<String, Long> rows) {

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(String file) {
            return rows.getOrDefault(file, 0L);
        }
    }

    /**
     * {@code --accounts N --seed S --as-of YYYY-MM-DD --out DIR [--zip FILE]}: writes the CSV files into DIR (or a
     * zip to FILE) and prints progress, the rows per file and the throughput. Defaults: 1000 accounts, seed 42,
     * as-of 2026-11-23 (a fixed date: the generator never reads the clock).
     */
    public static void main(String[] args) throws IOException {
        int accounts = 1_000;
        long seed = 42;
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        Path out = null;
        Path zipFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--accounts" -> accounts = Integer.parseInt(required(arg, value).replace("_", ""));
                    case "--seed" -> seed = Long.parseLong(required(arg, value));
                    case "--as-of" -> asOf = LocalDate.parse(required(arg, value));
                    case "--out" -> out = Path.of(required(arg, value));
                    case "--zip" -> zipFile = Path.of(required(arg, value));
                    case "-h", "--help" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
                i++;
            }
            if (out == null && zipFile == null) {
                throw new IllegalArgumentException("--out DIR (or --zip FILE) is required");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        int total = accounts;
        long step = Math.max(PROGRESS_EVERY, (long) Math.ceil(total / 10.0 / PROGRESS_EVERY) * PROGRESS_EVERY);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long cpuStarted = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        long started = System.nanoTime();
        LongConsumer report = n -> {
            if (n % step == 0 || n == total) {
                double s = (System.nanoTime() - started) / 1e9;
                System.err.printf("  %,d / %,d accounts (%.1f s)%n", n, total, s);
            }
        };
        PortfolioGenerator generator = new PortfolioGenerator(seed, accounts, asOf, report);
        RowCounts counts;
        String target;
        if (zipFile != null) {
            if (zipFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(zipFile.toAbsolutePath().getParent());
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(zipFile), FILE_BUFFER)) {
                counts = generator.writeZipCounted(o);
            }
            target = zipFile.toString();
        } else {
            counts = generator.write(out);
            target = out.toString();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = cpuTime ? (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9 : Double.NaN;
        System.out.printf("Portfolio: %,d accounts, seed %d, as of %s -> %s%n", accounts, seed, asOf, target);
        for (Map.Entry<String, Long> e : counts.rows().entrySet()) {
            System.out.printf("  %-20s %,14d rows%n", e.getKey(), e.getValue());
        }
        System.out.printf("  %-20s %,14d rows in %.2f s (%,.0f rows/s)%n", "total", counts.total(), seconds,
                counts.total() / Math.max(seconds, 1e-9));
        if (cpuTime) {
            System.out.printf("  generating thread: %.2f s CPU (%,.0f rows per CPU-second)%n", cpuSeconds,
                    counts.total() / Math.max(cpuSeconds, 1e-9));
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: PortfolioGenerator --accounts N --seed S --as-of YYYY-MM-DD --out DIR [--zip FILE]");
    }
}
