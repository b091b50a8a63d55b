-- Rollups of the contact and promise aggregates (feature performance), so that the dashboards do not aggregate the
-- agent × hour × channel rows of kpi_contact_hour / kpi_promise_day for every table. Derived from those two tables by
-- KpiAggregates.rollUp in the same transaction as their maintenance (delete + insert per date: idempotent); every
-- figure read from a rollup equals the same sum over the table it is derived from.

-- kpi_contact_hour without the agent: for every contact table that does not show agents.
-- agent_attempts = the attempts recorded by a user (agent <> '').
CREATE TABLE kpi_contact_team_hour (
    business_date  DATE         NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    team           VARCHAR(100) NOT NULL,
    channel        VARCHAR(10)  NOT NULL,
    local_hour     SMALLINT     NOT NULL,
    attempts       BIGINT       NOT NULL,
    rpc            BIGINT       NOT NULL,
    ptp            BIGINT       NOT NULL,
    agent_attempts BIGINT       NOT NULL,
    cost_minor     BIGINT       NOT NULL,
    PRIMARY KEY (business_date, portfolio, product, currency, team, channel, local_hour)
);

-- kpi_contact_hour per agent and date, without hour, channel and currency; agents only (agent <> '').
-- hours_mask: bit h set when the agent made at least one attempt in local hour h (0..23) in this row's slice, so the
-- agent's active hours of a date under any filter are the bits of the OR of its rows' masks.
CREATE TABLE kpi_agent_day (
    business_date  DATE         NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    team           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    attempts       BIGINT       NOT NULL,
    rpc            BIGINT       NOT NULL,
    ptp            BIGINT       NOT NULL,
    hours_mask     INTEGER      NOT NULL,
    PRIMARY KEY (business_date, portfolio, product, team, agent)
);

-- kpi_promise_day without the agent.
CREATE TABLE kpi_promise_team_hour (
    business_date  DATE         NOT NULL,
    event          VARCHAR(16)  NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    team           VARCHAR(100) NOT NULL,
    channel        VARCHAR(10)  NOT NULL,
    local_hour     SMALLINT     NOT NULL,
    promises       BIGINT       NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    paid_minor     BIGINT       NOT NULL,
    PRIMARY KEY (business_date, event, portfolio, product, currency, team, channel, local_hour)
);

-- kpi_promise_day per agent, date and event, without currency, channel and hour; agents only (agent <> '').
CREATE TABLE kpi_promise_agent_day (
    business_date  DATE         NOT NULL,
    event          VARCHAR(16)  NOT NULL,
    portfolio      VARCHAR(100) NOT NULL,
    product        VARCHAR(20)  NOT NULL,
    team           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    promises       BIGINT       NOT NULL,
    PRIMARY KEY (business_date, event, portfolio, product, team, agent)
);

-- the bitmask construction needs a power of two per hour: POWER() returns a double on both databases, so a table of
-- the 24 hour bits keeps the masks exact integers
CREATE TABLE kpi_hour_bit (
    local_hour SMALLINT NOT NULL PRIMARY KEY,
    bit        INTEGER  NOT NULL
);
INSERT INTO kpi_hour_bit (local_hour, bit) VALUES
    (0, 1), (1, 2), (2, 4), (3, 8), (4, 16), (5, 32), (6, 64), (7, 128), (8, 256), (9, 512), (10, 1024), (11, 2048),
    (12, 4096), (13, 8192), (14, 16384), (15, 32768), (16, 65536), (17, 131072), (18, 262144), (19, 524288),
    (20, 1048576), (21, 2097152), (22, 4194304), (23, 8388608);
