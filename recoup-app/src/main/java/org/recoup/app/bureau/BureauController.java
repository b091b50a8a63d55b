package org.recoup.app.bureau;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.bureau.BureauLayout;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly credit-bureau file and its layout. */
@RestController
@Tag(name = "Credit bureau")
class BureauController {

    private final BureauFiles files;
    private final BureauLayouts layouts;

    BureauController(BureauFiles files, BureauLayouts layouts) {
        this.files = files;
        this.layouts = layouts;
    }

    @GetMapping("/api/v1/bureau/file")
    @Operation(summary = "The account-status file of a month",
            description = "month=YYYY-MM: one record per account with a state on or before the month end (its latest), "
                    + "in the layout in force (fixed-width or CSV), UTF-8. 422 names the record and field that does not fit.")
    ResponseEntity<byte[]> file(@RequestParam String month) {
        YearMonth ym = month(month);
        BureauLayout layout = layouts.current();
        String body = files.file(ym);
        String name = "bureau-" + ym + (layout.format() == BureauLayout.Format.CSV ? ".csv" : ".txt");
        return ResponseEntity.ok()
                .contentType(layout.format() == BureauLayout.Format.CSV ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                        : MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/config/bureau-layout")
    @Operation(summary = "The bureau file layout in force")
    BureauLayout layout() {
        return layouts.current();
    }

    @PutMapping(path = "/api/v1/config/bureau-layout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the bureau file layout",
            description = "{format: FIXED|CSV, lineEnd: CRLF|LF, header?, fields: [{name, source?, width, align: "
                    + "LEFT|RIGHT, pad, overflow: ERROR|TRUNCATE}]}. Validated on save: known sources, unique names, "
                    + "widths ≥ 1 for FIXED.")
    BureauLayout save(@RequestBody String document, Principal principal) {
        return layouts.save(document, principal.getName());
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.badRequest("INVALID_MONTH", "month", "month must be YYYY-MM, was '" + month + "'");
        }
    }
}
