-- The debt file (contract §2, PRACTICE §1). Amounts are BIGINT minor units of the account's currency.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE account (
    account_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    product               VARCHAR(20)  NOT NULL,
    currency              CHAR(3)      NOT NULL,
    principal_minor       BIGINT       NOT NULL,
    open_date             DATE         NOT NULL,
    penalty_rate_per_day  NUMERIC(12, 8),
    penalty_cap_minor     BIGINT,
    grace_days            INTEGER      NOT NULL DEFAULT 0,
    jurisdiction          VARCHAR(2)   NOT NULL DEFAULT 'CN',
    portfolio             VARCHAR(100),
    creditor              VARCHAR(200),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT account_product_ck CHECK (product IN ('CONSUMER_LOAN', 'CREDIT_CARD', 'B2B_RECEIVABLE', 'PROPERTY_FEE')),
    CONSTRAINT account_jurisdiction_ck CHECK (jurisdiction IN ('CN', 'US', 'UK')),
    CONSTRAINT account_amounts_ck CHECK (principal_minor >= 0 AND grace_days >= 0)
);
CREATE INDEX account_portfolio_ix ON account (portfolio);

CREATE TABLE party (
    party_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    id_number     VARCHAR(64),
    gender        CHAR(1)      NOT NULL DEFAULT 'U',
    birth_date    DATE,
    occupation    VARCHAR(20),
    region        VARCHAR(100),
    time_zone     VARCHAR(64)  NOT NULL,
    deceased      BOOLEAN      NOT NULL DEFAULT FALSE,
    bankrupt      BOOLEAN      NOT NULL DEFAULT FALSE,
    incarcerated  BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT party_gender_ck CHECK (gender IN ('M', 'F', 'U'))
);

CREATE TABLE account_party (
    account_id  VARCHAR(64) NOT NULL REFERENCES account (account_id),
    party_id    VARCHAR(64) NOT NULL REFERENCES party (party_id),
    role        VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, party_id, role),
    CONSTRAINT account_party_role_ck CHECK (role IN ('BORROWER', 'CO_BORROWER', 'GUARANTOR', 'SPOUSE', 'HEIR',
                                                     'EMERGENCY_CONTACT', 'EMPLOYER'))
);
CREATE INDEX account_party_party_ix ON account_party (party_id);

CREATE TABLE contact_point (
    contact_point_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    party_id          VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    type              VARCHAR(20)  NOT NULL,
    contact_value     VARCHAR(300) NOT NULL,
    consent           BOOLEAN      NOT NULL DEFAULT TRUE,
    time_zone         VARCHAR(64),
    valid             BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT contact_point_type_ck CHECK (type IN ('MOBILE', 'HOME_PHONE', 'WORK_PHONE', 'EMAIL', 'ADDRESS'))
);
CREATE INDEX contact_point_party_ix ON contact_point (party_id);

CREATE TABLE installment (
    account_id       VARCHAR(64) NOT NULL REFERENCES account (account_id),
    seq              INTEGER     NOT NULL,
    due_date         DATE        NOT NULL,
    principal_minor  BIGINT      NOT NULL,
    interest_minor   BIGINT      NOT NULL DEFAULT 0,
    fee_minor        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, seq),
    CONSTRAINT installment_amounts_ck CHECK (principal_minor >= 0 AND interest_minor >= 0 AND fee_minor >= 0)
);

CREATE TABLE payment (
    payment_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL REFERENCES account (account_id),
    paid_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    channel       VARCHAR(20)  NOT NULL DEFAULT 'OTHER',
    reference     VARCHAR(200),
    source        VARCHAR(10)  NOT NULL DEFAULT 'IMPORT',
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT payment_amount_ck CHECK (amount_minor > 0),
    CONSTRAINT payment_channel_ck CHECK (channel IN ('BANK_TRANSFER', 'CARD', 'WECHAT', 'ALIPAY', 'CASH_AT_BRANCH', 'OTHER'))
);
CREATE INDEX payment_account_ix ON payment (account_id, paid_at, payment_id);

-- Contact history: imported (contacts.csv) and recorded through the API; caps and rolling windows count it.
CREATE TABLE contact_attempt (
    contact_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id        VARCHAR(64) NOT NULL REFERENCES account (account_id),
    party_id          VARCHAR(64) NOT NULL REFERENCES party (party_id),
    contact_point_id  VARCHAR(64) REFERENCES contact_point (contact_point_id),
    channel           VARCHAR(10) NOT NULL,
    attempted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome           VARCHAR(20) NOT NULL,
    source            VARCHAR(10) NOT NULL DEFAULT 'IMPORT',
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT contact_channel_ck CHECK (channel IN ('CALL', 'SMS', 'EMAIL', 'LETTER', 'VISIT')),
    CONSTRAINT contact_outcome_ck CHECK (outcome IN ('RIGHT_PARTY', 'THIRD_PARTY', 'NO_ANSWER', 'VOICEMAIL', 'BUSY',
        'NOT_CONNECTED', 'WRONG_NUMBER', 'REFUSED_CONTACT', 'SENT', 'DELIVERED', 'FAILED', 'VISITED', 'NOT_MET'))
);
CREATE INDEX contact_attempt_account_ix ON contact_attempt (account_id, attempted_at);
CREATE INDEX contact_attempt_party_ix ON contact_attempt (party_id, attempted_at);

-- Versioned business configuration (delinquency policy, later strategies, caps, templates): one JSON document per
-- version; the highest version of a kind is in force.
CREATE TABLE business_config (
    kind        VARCHAR(50)  NOT NULL,
    version     INTEGER      NOT NULL,
    document    TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (kind, version)
);
