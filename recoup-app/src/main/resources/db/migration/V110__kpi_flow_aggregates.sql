-- Issue 8 (kpiflow): daily aggregates of the portfolio flow, maintained by the daily run after each completed run
-- (analytics.FlowAggregates). Dashboards and the KPI API read only these tables (docs/kpis.md, docs/analytics.md).
-- Dimensions of every row: business date × portfolio × product × team × currency. portfolio and team are '' when the
-- account has none (team: holder of the borrower's case when the date's run finished). A rerun of a date
-- deletes and rewrites that date's rows in one transaction, so it is idempotent.

-- Positions: accounts and amounts by bucket, aging bucket and risk class (bucket mix, aging report).
CREATE TABLE kpi_position_daily (
    as_of              DATE         NOT NULL,
    portfolio          VARCHAR(100) NOT NULL,
    product            VARCHAR(20)  NOT NULL,
    team               VARCHAR(100) NOT NULL,
    currency           CHAR(3)      NOT NULL,
    bucket             VARCHAR(20)  NOT NULL,
    aging_bucket       VARCHAR(10)  NOT NULL,
    risk_class         VARCHAR(10)  NOT NULL,
    accounts           BIGINT       NOT NULL,
    overdue_minor      BIGINT       NOT NULL,
    outstanding_minor  BIGINT       NOT NULL,
    PRIMARY KEY (as_of, portfolio, product, team, currency, bucket, aging_bucket, risk_class)
);

-- Flows from the previous business date that has states (from_as_of) to this one, for the accounts with a state on
-- both: bucket → bucket counts and amounts (roll/flow matrix), delinquent (dpd > 0) or not on each side (cures,
-- entries into collections), and the payments whose value date lies in (from_as_of, as_of] (recovery).
CREATE TABLE kpi_flow_daily (
    as_of                   DATE         NOT NULL,
    from_as_of              DATE         NOT NULL,
    portfolio               VARCHAR(100) NOT NULL,
    product                 VARCHAR(20)  NOT NULL,
    team                    VARCHAR(100) NOT NULL,
    currency                CHAR(3)      NOT NULL,
    from_bucket             VARCHAR(20)  NOT NULL,
    to_bucket               VARCHAR(20)  NOT NULL,
    from_delinquent         BOOLEAN      NOT NULL,
    to_delinquent           BOOLEAN      NOT NULL,
    accounts                BIGINT       NOT NULL,
    from_overdue_minor      BIGINT       NOT NULL,
    from_outstanding_minor  BIGINT       NOT NULL,
    paying_accounts         BIGINT       NOT NULL,
    recovered_minor         BIGINT       NOT NULL,
    PRIMARY KEY (as_of, portfolio, product, team, currency, from_bucket, to_bucket, from_delinquent, to_delinquent)
);

-- Vintages: open-month cohorts (open_month = yyyymm of account.open_date) at months on book mob on this date.
CREATE TABLE kpi_vintage_daily (
    as_of                    DATE         NOT NULL,
    portfolio                VARCHAR(100) NOT NULL,
    product                  VARCHAR(20)  NOT NULL,
    team                     VARCHAR(100) NOT NULL,
    currency                 CHAR(3)      NOT NULL,
    open_month               INTEGER      NOT NULL,
    mob                      INTEGER      NOT NULL,
    accounts                 BIGINT       NOT NULL,
    principal_minor          BIGINT       NOT NULL,
    delinquent_accounts      BIGINT       NOT NULL,
    dpd30_accounts           BIGINT       NOT NULL,
    dpd90_accounts           BIGINT       NOT NULL,
    dpd90_outstanding_minor  BIGINT       NOT NULL,
    PRIMARY KEY (as_of, portfolio, product, team, currency, open_month)
);

-- The payments of one day are found by value-date range, not by scanning every payment of every account.
CREATE INDEX payment_paid_at_ix ON payment (paid_at);
