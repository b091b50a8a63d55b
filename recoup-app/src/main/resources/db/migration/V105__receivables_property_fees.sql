-- B2B receivables (issue 7.6) and property fees (issue 7.7). Invoices and fee bills are accounts of the debt file
-- (products B2B_RECEIVABLE and PROPERTY_FEE) so payments, the daily run, cases and the compliance gate work on them
-- unchanged; these tables hold what only this lane needs. Runs on H2 (PostgreSQL mode) and PostgreSQL.

-- A B2B customer (the borrower party of B2B_RECEIVABLE accounts): credit limit and payment terms (editable), and the
-- 文收/武收 treatment track it is on since when (set by the receivables review).
CREATE TABLE receivable_customer (
    party_id             VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES party (party_id),
    credit_limit_minor   BIGINT,
    currency             CHAR(3)      NOT NULL DEFAULT 'CNY',
    payment_terms_days   INTEGER      NOT NULL DEFAULT 30,
    track                VARCHAR(40),
    track_since          DATE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by           VARCHAR(100) NOT NULL,
    CONSTRAINT receivable_customer_ck CHECK ((credit_limit_minor IS NULL OR credit_limit_minor >= 0)
                                             AND payment_terms_days BETWEEN 0 AND 365)
);

-- Every switch of a customer's track, with the facts that made it.
CREATE TABLE receivable_track_change (
    party_id    VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    changed_on  DATE         NOT NULL,
    from_track  VARCHAR(40),
    to_track    VARCHAR(40)  NOT NULL,
    reason      VARCHAR(300) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (party_id, changed_on)
);

-- Reminder letters sent: at most one per level and delinquency episode (the oldest overdue due date) — the unique
-- key makes a concurrent or repeated review send nothing twice.
CREATE TABLE receivable_reminder (
    reminder_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    party_id         VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    level            VARCHAR(40)  NOT NULL,
    episode_due      DATE         NOT NULL,
    as_of            DATE         NOT NULL,
    days_past_due    INTEGER      NOT NULL,
    overdue_minor    BIGINT       NOT NULL,
    track            VARCHAR(40)  NOT NULL,
    contact_id       VARCHAR(64)  NOT NULL,
    document_id      VARCHAR(40)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    CONSTRAINT receivable_reminder_once_uk UNIQUE (party_id, episode_due, level)
);

-- Property fee bills: one PROPERTY_FEE account per building × unit × period × fee type.
CREATE TABLE property_bill (
    account_id    VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES account (account_id),
    building      VARCHAR(60)  NOT NULL,
    unit          VARCHAR(60)  NOT NULL,
    party_id      VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    period        CHAR(7)      NOT NULL,
    fee_type      VARCHAR(40)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    due_date      DATE         NOT NULL,
    import_id     VARCHAR(40)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT property_bill_uk UNIQUE (building, unit, period, fee_type),
    CONSTRAINT property_bill_amount_ck CHECK (amount_minor > 0)
);
CREATE INDEX property_bill_party_ix ON property_bill (party_id);
CREATE INDEX property_bill_period_ix ON property_bill (period, building);

CREATE TABLE property_import (
    import_id       VARCHAR(40)  NOT NULL PRIMARY KEY,
    filename        VARCHAR(200) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    rows_total      INTEGER      NOT NULL,
    bills_created   INTEGER      NOT NULL,
    bills_unchanged INTEGER      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100) NOT NULL
);

-- 催款通知单: one notice per owner × unit as of a date, its lines (bills with what was due then) and the signed receipt.
CREATE TABLE property_notice (
    notice_id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    party_id               VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    building               VARCHAR(60)  NOT NULL,
    unit                   VARCHAR(60)  NOT NULL,
    as_of                  DATE         NOT NULL,
    currency               CHAR(3)      NOT NULL,
    fee_outstanding_minor  BIGINT       NOT NULL,
    late_fee_minor         BIGINT       NOT NULL,
    document_id            VARCHAR(40)  NOT NULL,
    receipt_document_id    VARCHAR(40),
    receipt_signed_on      DATE,
    receipt_uploaded_by    VARCHAR(100),
    idempotency_key        VARCHAR(100),
    request_hash           CHAR(64),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(100) NOT NULL,
    CONSTRAINT property_notice_key_uk UNIQUE (idempotency_key)
);
CREATE INDEX property_notice_unit_ix ON property_notice (building, unit, as_of);

CREATE TABLE property_notice_line (
    notice_id              VARCHAR(40)  NOT NULL REFERENCES property_notice (notice_id),
    account_id             VARCHAR(64)  NOT NULL REFERENCES account (account_id),
    period                 CHAR(7)      NOT NULL,
    fee_type               VARCHAR(40)  NOT NULL,
    due_date               DATE         NOT NULL,
    fee_outstanding_minor  BIGINT       NOT NULL,
    late_fee_minor         BIGINT       NOT NULL,
    overdue_days           INTEGER      NOT NULL,
    PRIMARY KEY (notice_id, account_id)
);
