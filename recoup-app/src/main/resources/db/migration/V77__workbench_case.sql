-- Issue 6, workbench lane: what an agent records on a case beside the contact itself (notes, the outcome of working
-- the case with its idempotency key) and "already paid" claims awaiting verification. Runs on H2 and PostgreSQL.

-- One row per outcome recorded on a case: the contact it recorded through the gate (contact_attempt), and what came
-- with it. (recorded_by, client_key) makes a double-click or a retry record once; request_hash tells a retry of the
-- same request (answered with the original) from another request reusing the key (409).
CREATE TABLE case_outcome (
    outcome_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id           VARCHAR(70)   NOT NULL,
    recorded_by       VARCHAR(100)  NOT NULL,
    client_key        VARCHAR(100)  NOT NULL,
    request_hash      CHAR(64)      NOT NULL,
    account_id        VARCHAR(64)   NOT NULL,
    party_id          VARCHAR(64)   NOT NULL,
    contact_point_id  VARCHAR(64),
    channel           VARCHAR(10)   NOT NULL,
    disposition       VARCHAR(30)   NOT NULL,
    contact_id        VARCHAR(64)   NOT NULL,
    promise_ids       VARCHAR(2000),
    hold_ids          VARCHAR(500),
    note_id           VARCHAR(64),
    follow_up_at      TIMESTAMP WITH TIME ZONE,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_outcome_key_uk UNIQUE (recorded_by, client_key)
);
CREATE INDEX case_outcome_case_ix ON case_outcome (case_id, recorded_at);

-- Free-text notes on a case (linted before they are saved; never edited or deleted).
CREATE TABLE case_note (
    note_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id     VARCHAR(70)   NOT NULL,
    party_id    VARCHAR(64),
    contact_id  VARCHAR(64),
    body        VARCHAR(4000) NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_note_case_ix ON case_note (case_id, created_at);

-- "Already paid" (PRACTICE §5): the three elements the party gave (time, amount, channel), kept for verification.
-- A claim is not a payment: a supervisor verifies it (the payment is then posted through the payment feature with
-- the idempotency key 'claim:' || claim_id, payment_id set) or rejects it.
CREATE TABLE payment_claim (
    claim_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id        VARCHAR(70)   NOT NULL,
    account_id     VARCHAR(64)   NOT NULL REFERENCES account (account_id),
    party_id       VARCHAR(64),
    paid_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    amount_minor   BIGINT        NOT NULL,
    currency       CHAR(3)       NOT NULL,
    channel        VARCHAR(20)   NOT NULL,
    reference      VARCHAR(200),
    status         VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    claimed_by     VARCHAR(100)  NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    client_key     VARCHAR(100)  NOT NULL,
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMP WITH TIME ZONE,
    decision_note  VARCHAR(1000),
    payment_id     VARCHAR(64),
    CONSTRAINT payment_claim_amount_ck CHECK (amount_minor > 0),
    CONSTRAINT payment_claim_status_ck CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    CONSTRAINT payment_claim_channel_ck CHECK (channel IN ('BANK_TRANSFER', 'CARD', 'WECHAT', 'ALIPAY', 'CASH_AT_BRANCH', 'OTHER')),
    CONSTRAINT payment_claim_key_uk UNIQUE (claimed_by, client_key)
);
CREATE INDEX payment_claim_case_ix ON payment_claim (case_id, claimed_at);
CREATE INDEX payment_claim_status_ix ON payment_claim (status, claimed_at);
