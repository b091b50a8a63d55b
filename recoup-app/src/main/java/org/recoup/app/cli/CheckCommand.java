package org.recoup.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.recoup.app.compliance.ContactGate;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code recoup check planned.csv}: screens planned contacts with the compliance gate, exactly as the daily run does
 * ({@link ContactGate#screen}): one verdict per row, later rows see the earlier allowed ones, nothing is reserved, every
 * verdict is audited with source {@code CLI}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Screen planned contacts with the compliance gate (contract §5). Input CSV columns: account_id, "
                + "party_id, channel, at (ISO-8601 with offset), and optionally contact_point_id, content, purpose "
                + "(COLLECTION, PTP_REMINDER, LOCATE), staff (names separated by ';'). Output: one verdict per row.")
class CheckCommand implements Callable<Integer> {

    private static final List<String> REQUIRED = List.of("account_id", "party_id", "channel", "at");

    @ParentCommand
    RecoupCommand parent;

    @Parameters(index = "0", description = "CSV of planned contacts (UTF-8, header row)")
    Path file;

    @Option(names = "--out", defaultValue = "-", description = "file to write the verdicts to ('-' = stdout, the default)")
    String out;

    @Override
    public Integer call() throws IOException {
        List<ContactRequest> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
            Map<String, Integer> header = csv.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                System.err.println(file.getFileName() + ": missing required column(s) " + missing);
                return 1;
            }
            for (CSVRecord r : csv) {
                int row = (int) r.getRecordNumber() + 1;
                try {
                    requests.add(request(r, header));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    errors.add(file.getFileName() + " row " + row + ": " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            System.err.println(errors.size() + " invalid row(s): nothing checked");
            return 1;
        }
        List<Verdict> verdicts = parent.context.getBean(ContactGate.class).screen(requests, "CLI");
        if ("-".equals(out)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(requests, verdicts, w);
        } else {
            try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                write(requests, verdicts, w);
            }
        }
        long allowed = verdicts.stream().filter(Verdict::allowed).count();
        System.err.printf("%,d contacts checked: %,d allowed, %,d blocked%n", verdicts.size(), allowed, verdicts.size() - allowed);
        return 0;
    }

    private static ContactRequest request(CSVRecord r, Map<String, Integer> header) {
        String account = required(r, "account_id");
        String party = required(r, "party_id");
        Channel channel = parse(Channel.class, required(r, "channel"), "channel");
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(required(r, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column at: must be an ISO-8601 instant with offset, e.g. "
                    + "2026-11-23T10:00:00+08:00, but was '" + r.get("at") + "'");
        }
        String point = optional(r, header, "contact_point_id");
        String content = optional(r, header, "content");
        String purpose = optional(r, header, "purpose");
        String staff = optional(r, header, "staff");
        return new ContactRequest(account, party, point, channel, at.toInstant(), content,
                staff == null ? List.of() : Arrays.stream(staff.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                purpose == null ? null : parse(Purpose.class, purpose, "purpose"));
    }

    private static String required(CSVRecord r, String column) {
        String value = r.isSet(column) ? r.get(column) : null;
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column " + column + ": is required");
        }
        return value.strip();
    }

    private static String optional(CSVRecord r, Map<String, Integer> header, String column) {
        if (!header.containsKey(column) || !r.isSet(column) || r.get(column).isBlank()) {
            return null;
        }
        return r.get(column).strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + column + ": must be one of "
                    + Arrays.toString(type.getEnumConstants()) + " but was '" + value + "'");
        }
    }

    private static void write(List<ContactRequest> requests, List<Verdict> verdicts, Writer w) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("row", "account_id", "party_id",
                "contact_point_id", "channel", "at", "verdict", "reasons", "rules", "next_allowed_at").get())) {
            for (int i = 0; i < requests.size(); i++) {
                ContactRequest r = requests.get(i);
                Verdict v = verdicts.get(i);
                printer.printRecord(i + 2, r.accountId(), r.partyId(), r.contactPointId(), r.channel(), r.at(),
                        v.decision(), v.reasons().stream().map(x -> x.code().name()).distinct().collect(Collectors.joining(";")),
                        v.reasons().stream().map(Verdict.Reason::rule).distinct().collect(Collectors.joining(";")),
                        v.nextAllowedAt());
            }
        }
    }
}
