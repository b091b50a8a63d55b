-- Daily aggregates of contacts, promises, payments, compliance verdicts and experiment arms (feature performance).
-- Maintained by the daily run for its business date and the day before (delete + insert per date: idempotent);
-- dashboards, the API and the management report read only these tables. Dimension columns use '' for "none" so that
-- they can be part of the primary key. Dates and hours are in the debtor's local time (party.time_zone).

CREATE TABLE kpi_contact_hour (
    business_date  DATE         NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    team           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    channel        VARCHAR(10)  NOT NULL,
    local_hour     SMALLINT     NOT NULL,
    attempts       BIGINT       NOT NULL,
    rpc            BIGINT       NOT NULL,
    ptp            BIGINT       NOT NULL,
    cost_minor     BIGINT       NOT NULL,
    PRIMARY KEY (business_date, portfolio, product, currency, team, agent, channel, local_hour)
);

CREATE TABLE kpi_promise_day (
    business_date  DATE         NOT NULL,
    event          VARCHAR(16)  NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    team           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    channel        VARCHAR(10)  NOT NULL,
    local_hour     SMALLINT     NOT NULL,
    promises       BIGINT       NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    paid_minor     BIGINT       NOT NULL,
    PRIMARY KEY (business_date, event, portfolio, product, currency, team, agent, channel, local_hour),
    CONSTRAINT kpi_promise_day_event_ck CHECK (event IN ('MADE', 'KEPT', 'PARTIALLY_KEPT', 'BROKEN'))
);

CREATE TABLE kpi_payment_day (
    business_date  DATE         NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    team           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    payments       BIGINT       NOT NULL,
    paid_minor     BIGINT       NOT NULL,
    PRIMARY KEY (business_date, portfolio, product, currency, team, agent)
);

CREATE TABLE kpi_compliance_day (
    business_date  DATE         NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    team           VARCHAR(100) NOT NULL,
    channel        VARCHAR(10)  NOT NULL,
    reason_code    VARCHAR(40)  NOT NULL,
    verdicts       BIGINT       NOT NULL,
    blocked        BIGINT       NOT NULL,
    PRIMARY KEY (business_date, portfolio, product, team, channel, reason_code)
);

CREATE TABLE kpi_arm_day (
    business_date  DATE         NOT NULL,
    experiment_id  VARCHAR(100) NOT NULL,
    arm            VARCHAR(100) NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    team           VARCHAR(100) NOT NULL,
    accounts       BIGINT       NOT NULL,
    accounts_rpc   BIGINT       NOT NULL,
    accounts_paid  BIGINT       NOT NULL,
    PRIMARY KEY (business_date, experiment_id, arm, portfolio, product, team)
);

-- one management report per business date: the row is claimed before sending, so a rerun never mails twice
CREATE TABLE kpi_report_delivery (
    business_date  DATE          NOT NULL PRIMARY KEY,
    status         VARCHAR(10)   NOT NULL,
    recipients     VARCHAR(2000) NOT NULL,
    attempts       INTEGER       NOT NULL,
    last_error     VARCHAR(2000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kpi_report_delivery_status_ck CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);

-- the maintenance reads a day of raw rows through these
CREATE INDEX contact_attempt_attempted_ix ON contact_attempt (attempted_at);
CREATE INDEX promise_promised_ix ON promise (promised_at);
CREATE INDEX promise_resolved_ix ON promise (resolved_on);
CREATE INDEX payment_paid_ix ON payment (paid_at);
