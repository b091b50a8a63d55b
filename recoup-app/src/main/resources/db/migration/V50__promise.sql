-- Promises to pay (contract §4). A promise is what a party agreed to pay on an account by a date; its status
-- (PENDING, KEPT, PARTIALLY_KEPT, BROKEN, CANCELLED) is resolved by payments received by due_date (+ the configured
-- grace). status/paid_minor/resolved_on are the last resolution written (by payment events and the daily run);
-- readers that need the status as of another date recompute it from promises and payments with the engine.
CREATE TABLE promise (
    promise_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL REFERENCES account (account_id),
    party_id      VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    amount_minor  BIGINT       NOT NULL,
    due_date      DATE         NOT NULL,
    channel       VARCHAR(20),
    promised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    paid_minor    BIGINT       NOT NULL DEFAULT 0,
    resolved_on   DATE,
    cancelled_at  TIMESTAMP WITH TIME ZONE,
    created_by    VARCHAR(100) NOT NULL,
    source        VARCHAR(10)  NOT NULL DEFAULT 'API',
    CONSTRAINT promise_amount_ck CHECK (amount_minor > 0 AND paid_minor >= 0),
    CONSTRAINT promise_status_ck CHECK (status IN ('PENDING', 'KEPT', 'PARTIALLY_KEPT', 'BROKEN', 'CANCELLED'))
);
CREATE INDEX promise_account_ix ON promise (account_id, promised_at);
CREATE INDEX promise_party_ix ON promise (party_id);
