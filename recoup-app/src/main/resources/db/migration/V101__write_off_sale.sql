-- Write-off (charge-off) and debt sale (issue 7.5). An account is closed for collection while it is charged off or
-- in a completed sale it was not bought back from.

CREATE TABLE charge_off (
    account_id      VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES account (account_id),
    charged_off_on  DATE         NOT NULL,
    reason_code     VARCHAR(50)  NOT NULL,
    note            VARCHAR(500),
    currency        CHAR(3)      NOT NULL,
    balance_minor   BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100) NOT NULL
);
CREATE INDEX charge_off_date_ix ON charge_off (charged_off_on);

-- status DRAFT (pool under review, accounts can be removed), SOLD (sale record: buyer, price, date), CANCELLED.
CREATE TABLE debt_sale (
    sale_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    buyer        VARCHAR(200) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    as_of        DATE         NOT NULL,
    filters      TEXT         NOT NULL,
    currency     CHAR(3),
    price_minor  BIGINT,
    sold_on      DATE,
    sold_at      TIMESTAMP WITH TIME ZONE,
    sold_by      VARCHAR(100),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    CONSTRAINT debt_sale_status_ck CHECK (status IN ('DRAFT', 'SOLD', 'CANCELLED')),
    CONSTRAINT debt_sale_price_ck CHECK (price_minor IS NULL OR price_minor >= 0)
);

-- active_account_id = account_id while the account is in a DRAFT or SOLD sale and not bought back: an account is in
-- at most one live sale (unique; NULLs do not collide on H2 or PostgreSQL).
CREATE TABLE debt_sale_account (
    sale_id                    VARCHAR(64)  NOT NULL REFERENCES debt_sale (sale_id),
    account_id                 VARCHAR(64)  NOT NULL REFERENCES account (account_id),
    active_account_id          VARCHAR(64)  UNIQUE,
    currency                   CHAR(3)      NOT NULL,
    dpd                        INTEGER      NOT NULL,
    bucket                     VARCHAR(20)  NOT NULL,
    outstanding_principal_minor BIGINT      NOT NULL,
    overdue_total_minor        BIGINT       NOT NULL,
    balance_minor              BIGINT       NOT NULL,
    bought_back_on             DATE,
    bought_back_at             TIMESTAMP WITH TIME ZONE,
    bought_back_by             VARCHAR(100),
    buyback_reason             VARCHAR(500),
    PRIMARY KEY (sale_id, account_id)
);
CREATE INDEX debt_sale_account_account_ix ON debt_sale_account (account_id);
