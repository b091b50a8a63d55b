package org.recoup.app.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The document store other features use: keep a generated or uploaded file for a case (or an account), list a case's
 * documents, read one back. Storing joins the caller's transaction, so a document and the record it belongs to (a plan,
 * a legal step, a notice) commit together.
 */
@Service
public class Documents {

    /** Largest file kept (uploads and generated): 20 MB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final String COLUMNS = "document_id, case_id, account_id, kind, filename, content_type, size_bytes, "
            + "sha256, note, created_at, created_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    Documents(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What to keep. {@code kind}: upper-case word naming the document (e.g. {@code PLAN_AGREEMENT}). */
    public record NewDocument(String caseId, String accountId, String kind, String filename, String contentType,
                              byte[] content, String note, String createdBy) {
    }

    public StoredDocument store(NewDocument doc) {
        if (doc.kind() == null || !doc.kind().matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "kind",
                    "kind must be 2–40 upper-case letters, digits or _, was '" + doc.kind() + "'");
        }
        if (doc.filename() == null || doc.filename().isBlank() || doc.filename().length() > 200) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "filename", "a file name of 1–200 characters is required");
        }
        if (doc.content() == null || doc.content().length == 0) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "file", "the file is empty");
        }
        if (doc.content().length > MAX_BYTES) {
            throw ApiProblem.badRequest("INVALID_DOCUMENT", "file",
                    "the file has " + doc.content().length + " bytes; at most " + MAX_BYTES + " are kept");
        }
        String id = "D-" + UUID.randomUUID();
        Instant now = clock.instant();
        String contentType = doc.contentType() == null || doc.contentType().isBlank()
                ? "application/octet-stream" : doc.contentType();
        String sha = sha256(doc.content());
        jdbc.sql("INSERT INTO document (" + COLUMNS + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, doc.caseId(), doc.accountId(), doc.kind(), doc.filename().strip(), contentType,
                        (long) doc.content().length, sha, doc.note(), Timestamp.from(now), doc.createdBy(),
                        doc.content())
                .update();
        return new StoredDocument(id, doc.caseId(), doc.accountId(), doc.kind(), doc.filename().strip(), contentType,
                doc.content().length, sha, doc.note(), now, doc.createdBy());
    }

    public Optional<StoredDocument> find(String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE document_id = ?").param(documentId)
                .query(Documents::row).optional();
    }

    public Optional<byte[]> content(String documentId) {
        return jdbc.sql("SELECT content FROM document WHERE document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** A case's documents, newest first. */
    public List<StoredDocument> forCase(String caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM document WHERE case_id = ? ORDER BY created_at DESC, document_id")
                .param(caseId).query(Documents::row).list();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredDocument row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDocument(rs.getString("document_id"), rs.getString("case_id"), rs.getString("account_id"),
                rs.getString("kind"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("note"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
