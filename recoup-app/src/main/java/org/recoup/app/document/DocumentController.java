package org.recoup.app.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A case's documents: list, upload (signed receipts, court papers), download with the SHA-256 in a header. */
@RestController
@Tag(name = "Documents", description = "Generated and uploaded documents of a case, kept with their SHA-256")
class DocumentController {

    private final Documents documents;
    private final CaseScope scope;
    private final JdbcClient jdbc;

    DocumentController(Documents documents, CaseScope scope, JdbcClient jdbc) {
        this.documents = documents;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    @Operation(summary = "The documents of a case, newest first (without their content)")
    @GetMapping("/api/v1/cases/{caseId}/documents")
    List<StoredDocument> list(@PathVariable String caseId) {
        requireCase(caseId);
        return documents.forCase(caseId);
    }

    @Operation(summary = "Uploads a document to a case (multipart: file, kind, optional note and accountId); "
            + "at most 20 MB")
    @PostMapping(value = "/api/v1/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredDocument> upload(@PathVariable String caseId, @RequestParam("file") MultipartFile file,
                                          @Parameter(description = "e.g. SIGNED_RECEIPT, COURT_FILING, JUDGMENT")
                                          @RequestParam String kind,
                                          @RequestParam(required = false) String note,
                                          @RequestParam(required = false) String accountId) throws IOException {
        requireCase(caseId);
        if (accountId != null && !accountId.isBlank()
                && jdbc.sql("SELECT COUNT(*) FROM account_party WHERE account_id = ? AND 'C-' || party_id = ?")
                .params(accountId.strip(), caseId).query(Long.class).single() == 0) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "accountId",
                    "account " + accountId + " is not an account of case " + caseId);
        }
        Actor actor = scope.current().orElseThrow();
        StoredDocument stored = documents.store(new Documents.NewDocument(caseId, blankToNull(accountId), kind,
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), blankToNull(note), actor.username()));
        return ResponseEntity.created(URI.create("/api/v1/documents/" + stored.documentId())).body(stored);
    }

    /** The same download for the web pages (session sign-in); kept out of the API document. */
    @io.swagger.v3.oas.annotations.Hidden
    @GetMapping("/ui/documents/{documentId}")
    ResponseEntity<byte[]> page(@PathVariable String documentId) {
        return download(documentId);
    }

    @Operation(summary = "A document's content; header X-Content-SHA256 carries its hash")
    @GetMapping("/api/v1/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String documentId) {
        StoredDocument doc = documents.find(documentId)
                .filter(this::inScope)
                .orElseThrow(() -> ApiProblem.notFound("document", documentId));
        byte[] content = documents.content(documentId).orElseThrow(() -> ApiProblem.notFound("document", documentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(doc.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", doc.sha256())
                .body(content);
    }

    private boolean inScope(StoredDocument doc) {
        return scope.current().map(actor -> doc.caseId() == null ? actor.seesEveryCase()
                : scope.maySeeCase(actor, doc.caseId())).orElse(false);
    }

    private void requireCase(String caseId) {
        if (jdbc.sql("SELECT COUNT(*) FROM collection_case WHERE case_id = ?").param(caseId).query(Long.class).single()
                == 0) {
            throw ApiProblem.notFound("case", caseId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
