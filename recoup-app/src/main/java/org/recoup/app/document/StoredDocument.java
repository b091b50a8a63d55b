package org.recoup.app.document;

import java.time.Instant;

/** A kept document without its content. {@code caseId}/{@code accountId} may be null (a document of no one case). */
public record StoredDocument(String documentId, String caseId, String accountId, String kind, String filename,
                             String contentType, long sizeBytes, String sha256, String note, Instant createdAt,
                             String createdBy) {
}
