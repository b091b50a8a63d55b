-- Documents of a case: generated (plan agreements, notices, lawyer letters, statements) and uploaded (signed receipts,
-- court papers). The content is kept with its SHA-256 so a document can be proven unchanged.
CREATE TABLE document (
    document_id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    case_id       VARCHAR(80),
    account_id    VARCHAR(64),
    kind          VARCHAR(40)  NOT NULL,
    filename      VARCHAR(200) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    content       BYTEA        NOT NULL,
    note          VARCHAR(500),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100) NOT NULL
);
CREATE INDEX document_case_ix ON document (case_id, created_at);
CREATE INDEX document_account_ix ON document (account_id);
