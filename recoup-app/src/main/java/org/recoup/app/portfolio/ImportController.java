package org.recoup.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** {@code /api/v1/imports}: portfolio import (contract §2). */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Portfolio import: accounts, parties, roles, contact points, instalments, payments, contacts")
class ImportController {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    /** The answer to a submission. */
    @Schema(name = "ImportAccepted")
    record Accepted(long id, ImportStatus status) {
    }

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a portfolio",
            description = """
                    Multipart upload: one part per file, named as the file (accounts.csv, parties.csv, \
                    account_parties.csv, contact_points.csv, installments.csv, payments.csv, contacts.csv; \
                    also without .csv), or one part `archive` holding a zip of those files, or an .xlsx part whose \
                    sheets are named after the files. CSV in UTF-8 (with or without BOM) or GB18030/GBK, detected \
                    automatically; header row required; unknown columns ignored. The import runs in the background \
                    (202 with its id) or, with wait=true, the answer comes when it is done: 200 when applied, 422 \
                    with the row errors when rejected. Re-importing the same ids updates accounts, parties, contact \
                    points and instalments in place; a payment_id or contact_id reused with other content is an \
                    error. Needs ADMIN or SUPERVISOR.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schemaProperties = {
                            @SchemaProperty(name = "accounts.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "parties.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "account_parties.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "contact_points.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "installments.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "payments.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "contacts.csv", schema = @Schema(type = "string", format = "binary")),
                            @SchemaProperty(name = "archive", schema = @Schema(type = "string", format = "binary",
                                    description = "a zip of the files above"))})),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted; follow GET /api/v1/imports/{id}",
                            content = @Content(schema = @Schema(implementation = Accepted.class))),
                    @ApiResponse(responseCode = "200", description = "wait=true: applied",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "422", description = "wait=true: rejected, nothing applied; see errors",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "500", description = "wait=true: stopped by a failure (see failure); nothing applied",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "400", description = "no file, or a part that is not an import file",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "503", description = "too many imports waiting",
                            content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<?> submit(
            MultipartHttpServletRequest request,
            @Parameter(description = "all-or-nothing (default): any invalid row rejects everything; valid-only: apply the valid rows")
            @RequestParam(defaultValue = "all-or-nothing") String mode,
            @Parameter(description = "answer when the import is done (200 applied, 422 rejected) instead of 202 at once")
            @RequestParam(defaultValue = "false") boolean wait,
            Principal principal) {
        ImportMode importMode = ImportMode.fromParameter(mode).orElseThrow(() -> ApiProblem.badRequest(
                "INVALID_PARAMETER", "mode", "parameter 'mode' must be all-or-nothing or valid-only but was '" + mode + "'"));
        Map<String, MultipartFile> parts = parts(request);
        long id = imports.register(importMode, principal == null ? "anonymous" : principal.getName());
        CompletableFuture<ImportResult> result;
        try {
            Path directory = imports.uploadDirectory(id);
            Map<String, Path> files = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<String, MultipartFile> part : parts.entrySet()) {
                Path target = directory.resolve((++n) + "-" + part.getKey().replaceAll("[^A-Za-z0-9._-]", "_"));
                part.getValue().transferTo(target.toFile()); // File, not Path: lets the container move its temp file
                files.put(part.getKey(), target);
            }
            result = imports.submit(id, ImportSource.files(files), importMode);
        } catch (IOException e) {
            imports.abandon(id, "could not store the upload: " + e.getMessage());
            throw new UncheckedIOException(e);
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_QUEUE_FULL", null,
                    "too many imports are waiting; try again later");
        }
        if (wait) {
            return outcome(result.join());
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
                .body(new Accepted(id, ImportStatus.RUNNING));
    }

    @GetMapping("/{id}")
    @Operation(summary = "State of an import",
            description = "status RUNNING|SUCCEEDED|FAILED, rows processed so far, counts per file, the first 10,000 "
                    + "errors {file,row,column,message} and errorCount. With wait=true the answer comes when the "
                    + "import is done: 200 when applied, 422 when rejected.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the import",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "422", description = "wait=true: rejected",
                            content = @Content(schema = @Schema(implementation = ImportResult.class))),
                    @ApiResponse(responseCode = "404", description = "no such import",
                            content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<ImportResult> get(@PathVariable String id,
                                     @Parameter(description = "answer when the import is done")
                                     @RequestParam(defaultValue = "false") boolean wait) {
        long importId = parseId(id);
        ImportResult result = find(importId, id);
        if (!wait) {
            return ResponseEntity.ok(result);
        }
        Instant giveUp = Instant.now().plus(LONGEST_WAIT);
        while (!result.finished() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            result = find(importId, id);
        }
        return outcome(result);
    }

    @GetMapping(value = "/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every error of an import as CSV",
            description = "Columns file,row,column,message; all errors (the JSON shows the first 10,000), by file and row.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the errors", content = @Content(mediaType = "text/csv")),
                    @ApiResponse(responseCode = "404", description = "no such import",
                            content = @Content(mediaType = "application/problem+json"))})
    void errorsCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
        long importId = parseId(id);
        find(importId, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + importId + "-errors.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("file", "row", "column", "message").get())) {
            imports.errors(importId, e -> {
                try {
                    csv.printRecord(e.file(), e.row(), e.column(), e.message());
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        }
    }

    private static ResponseEntity<ImportResult> outcome(ImportResult result) {
        if (result.applied() || !result.finished()) {
            return ResponseEntity.ok(result);
        }
        HttpStatus status = result.errorCount() > 0 ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(result);
    }

    private ImportResult find(long importId, String id) {
        return imports.find(importId).orElseThrow(() -> ApiProblem.notFound("import", id));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("import", id);
        }
    }

    /** The uploaded parts under the names that say what they are; 400 for a part that is not an import file. */
    private static Map<String, MultipartFile> parts(MultipartHttpServletRequest request) {
        Map<String, MultipartFile> parts = new LinkedHashMap<>();
        for (Map.Entry<String, List<MultipartFile>> entry : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : entry.getValue()) {
                String name = logicalName(entry.getKey(), file.getOriginalFilename());
                if (name == null) {
                    throw ApiProblem.badRequest("UNKNOWN_IMPORT_FILE", entry.getKey(), "part '" + entry.getKey()
                            + "' is not an import file: expected one of " + ImportFile.expectedNames()
                            + ", 'archive' (a zip) or an .xlsx workbook");
                }
                if (parts.putIfAbsent(name, file) != null) {
                    throw ApiProblem.badRequest("DUPLICATE_IMPORT_FILE", entry.getKey(), name + " is given more than once");
                }
            }
        }
        if (parts.isEmpty()) {
            throw ApiProblem.badRequest("NO_IMPORT_FILE", null, "no file uploaded: expected multipart parts named "
                    + ImportFile.expectedNames() + ", or 'archive' (a zip)");
        }
        return parts;
    }

    static String logicalName(String partName, String fileName) {
        if ("archive".equalsIgnoreCase(partName)) {
            return "archive.zip";
        }
        for (String candidate : new String[] {partName, fileName}) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip") || lower.endsWith(".xlsx")) {
                return candidate.substring(candidate.replace('\\', '/').lastIndexOf('/') + 1);
            }
            var file = ImportFile.byName(candidate);
            if (file.isPresent()) {
                return file.get().fileName();
            }
        }
        return null;
    }
}
