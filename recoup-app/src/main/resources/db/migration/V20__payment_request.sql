-- Idempotency of POST /api/v1/payments (contract §4). One row per (user, Idempotency-Key), written in the same
-- transaction as the payment it created, so a key either has its payment or nothing. The key is scoped per
-- authenticated user: another user's identical key is a different request and can never replay their response.
-- request_hash is the SHA-256 (hex) of the request's canonical form, not of its raw bytes.
-- No foreign key to payment: the row is inserted first (a concurrent duplicate fails on the primary key before it
-- writes anything), the payment right after it in the same transaction.
CREATE TABLE payment_request (
    requested_by     VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    payment_id       VARCHAR(64)  NOT NULL,
    response_status  INTEGER      NOT NULL,
    response_body    TEXT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);
CREATE INDEX payment_request_payment_ix ON payment_request (payment_id);
