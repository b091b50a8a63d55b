-- Issue 5: the daily run decides. A run request is linked to the Spring Batch execution that did its work (a restart
-- of an interrupted run is a new execution of the same job instance).
ALTER TABLE daily_run ADD COLUMN job_execution_id BIGINT;
ALTER TABLE daily_run ADD COLUMN strategies VARCHAR(500);

-- The borrower party of the case, so that case-level steps reach the party without joining account_party again.
ALTER TABLE run_decision ADD COLUMN party_id VARCHAR(64);
ALTER TABLE run_decision ADD COLUMN quadrant VARCHAR(20) NOT NULL DEFAULT '';

-- A customer case: every account of one borrower party (case_id = 'C-' || party_id). OPEN from the business date
-- on which one of its accounts entered collections (dpd > 0 or something overdue), CLOSED on the date all of them
-- left collections. Maintained set-based by the daily run; a rerun of the same date changes nothing.
CREATE TABLE collection_case (
    case_id       VARCHAR(70)  NOT NULL PRIMARY KEY,
    party_id      VARCHAR(64)  NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    opened_on     DATE         NOT NULL,
    closed_on     DATE,
    updated_on    DATE         NOT NULL,
    CONSTRAINT collection_case_status_ck CHECK (status IN ('OPEN', 'CLOSED'))
);
CREATE INDEX collection_case_party_ix ON collection_case (party_id);

-- What the run plans for a case on a business date: one row per (as_of, case_id, action). kind QUEUE (a call for
-- the agents' queue), OUTBOX (SMS/EMAIL/LETTER), TASK (ESCALATE, LEGAL_REVIEW, AGENCY_REVIEW, VISIT_REVIEW,
-- SKIP_TRACE, RESTRUCTURE_OFFER). status PLANNED, DEFERRED (blocked by the compliance gate until planned_at) or
-- DROPPED (blocked with no time at which it clears; reasons say why). accounts: the case's account ids that asked for
-- it, comma-separated in id order. Rewritten per case range by every run of the date: never two copies.
CREATE TABLE run_action (
    as_of             DATE          NOT NULL,
    case_id           VARCHAR(70)   NOT NULL,
    action            VARCHAR(20)   NOT NULL,
    run_id            BIGINT        NOT NULL,
    kind              VARCHAR(10)   NOT NULL,
    party_id          VARCHAR(64),
    channel           VARCHAR(10),
    contact_point_id  VARCHAR(64),
    priority          INTEGER       NOT NULL,
    script            VARCHAR(100),
    template          VARCHAR(100),
    tier              VARCHAR(50),
    rule_id           VARCHAR(100),
    accounts          VARCHAR(2000) NOT NULL,
    planned_at        TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(10)   NOT NULL,
    reasons           VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (as_of, case_id, action),
    CONSTRAINT run_action_kind_ck CHECK (kind IN ('QUEUE', 'OUTBOX', 'TASK')),
    CONSTRAINT run_action_status_ck CHECK (status IN ('PLANNED', 'DEFERRED', 'DROPPED'))
);

-- Moves of an account between buckets and between segments (grade, quadrant) from the previous business date that
-- has a state to this one, for roll rates and audits. One row per (as_of, account_id, dimension); rewritten by a rerun.
CREATE TABLE state_move (
    as_of        DATE         NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    dimension    VARCHAR(10)  NOT NULL,
    from_as_of   DATE         NOT NULL,
    from_value   VARCHAR(30)  NOT NULL,
    to_value     VARCHAR(30)  NOT NULL,
    PRIMARY KEY (as_of, account_id, dimension),
    CONSTRAINT state_move_dimension_ck CHECK (dimension IN ('BUCKET', 'GRADE', 'QUADRANT'))
);
CREATE INDEX state_move_account_ix ON state_move (account_id, as_of);
