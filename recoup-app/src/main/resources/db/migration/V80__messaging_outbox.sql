-- Issue 6 (messaging): the outbox. One row per message (SMS, EMAIL, LETTER) that passed the compliance gate, written
-- in the same transaction as its contact attempt (contact_attempt.contact_id = outbox_message.contact_id).
-- status: QUEUED (waiting for the dispatcher, from next_attempt_at on) → SENDING (claimed by one dispatcher; only the
-- claimant may record the result) → SENT (the gateway accepted it) → DELIVERED (the gateway or a receipt confirmed it);
-- FAILED (permanent error, retries exhausted, or a send whose outcome is unknown — never retried, so never sent twice);
-- BLOCKED (a daily-run action the gate blocked at send time, or whose template is missing: nothing sent, no contact).
CREATE TABLE outbox_message (
    message_id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    client_key            VARCHAR(100),
    request_hash          VARCHAR(64),
    case_id               VARCHAR(70)   NOT NULL,
    account_id            VARCHAR(64)   NOT NULL,
    party_id              VARCHAR(64)   NOT NULL,
    contact_point_id      VARCHAR(64),
    channel               VARCHAR(10)   NOT NULL,
    template_id           VARCHAR(100),
    locale                VARCHAR(10),
    recipient             VARCHAR(300),
    subject               VARCHAR(300),
    body                  TEXT          NOT NULL,
    contact_id            VARCHAR(64),
    verdict_id            VARCHAR(36),
    source                VARCHAR(10)   NOT NULL,
    run_as_of             DATE,
    run_action            VARCHAR(20),
    status                VARCHAR(10)   NOT NULL,
    attempts              INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMP WITH TIME ZONE,
    claimed_by            VARCHAR(100),
    claimed_at            TIMESTAMP WITH TIME ZONE,
    gateway               VARCHAR(20),
    provider_id           VARCHAR(200),
    last_error            VARCHAR(2000),
    created_by            VARCHAR(100)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at               TIMESTAMP WITH TIME ZONE,
    delivered_at          TIMESTAMP WITH TIME ZONE,
    failed_at             TIMESTAMP WITH TIME ZONE,
    receipt_reference     VARCHAR(200),
    receipt_date          DATE,
    receipt_recorded_by   VARCHAR(100),
    receipt_recorded_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outbox_channel_ck CHECK (channel IN ('SMS', 'EMAIL', 'LETTER')),
    CONSTRAINT outbox_status_ck CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'BLOCKED')),
    CONSTRAINT outbox_source_ck CHECK (source IN ('AGENT', 'RUN')),
    CONSTRAINT outbox_receipt_ck CHECK (receipt_date IS NULL OR channel = 'LETTER')
);
-- a client's idempotency key names one message; a daily-run action becomes at most one message
CREATE UNIQUE INDEX outbox_client_key_ux ON outbox_message (client_key);
CREATE UNIQUE INDEX outbox_run_action_ux ON outbox_message (run_as_of, case_id, run_action);
CREATE INDEX outbox_due_ix ON outbox_message (status, next_attempt_at);
CREATE INDEX outbox_case_ix ON outbox_message (case_id, created_at);
CREATE INDEX outbox_created_ix ON outbox_message (created_at);

-- A letter's PDF, rendered when the letter is queued (stored in the database, so it is backed up with its record).
CREATE TABLE outbox_letter (
    message_id    VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES outbox_message (message_id),
    pdf           BYTEA        NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    rendered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the simulated gateway "sent": the default gateway stores each message here instead of delivering it.
CREATE TABLE simulated_delivery (
    message_id    VARCHAR(40)   NOT NULL PRIMARY KEY,
    channel       VARCHAR(10)   NOT NULL,
    recipient     VARCHAR(300),
    subject       VARCHAR(300),
    body          TEXT          NOT NULL,
    provider_id   VARCHAR(200)  NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX simulated_delivery_sent_ix ON simulated_delivery (sent_at);
