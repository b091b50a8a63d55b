-- Idempotency of POST /api/v1/accounts/{id}/promises (same design as payment_request, V20): one row per
-- (user, Idempotency-Key), written in the same transaction as the promise it created. A retry answers the promise
-- as it is now (its status may have moved on), so no response body is kept.
CREATE TABLE promise_request (
    requested_by     VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    promise_id       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);
-- The resolver reads the open promises of a business date without scanning resolved ones.
CREATE INDEX promise_status_ix ON promise (status, account_id);
