-- Field visits (issue 7.2) and the legal path (issue 7.3). Amounts are BIGINT minor units with their currency.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- A field visit: requested by a strategy (run_action TASK VISIT_REVIEW, source RUN) or an agent (source AGENT),
-- approved or rejected by a supervisor, then scheduled with at least two staff, then reported.
-- status REQUESTED → APPROVED (scheduled) → REPORTED, or REJECTED / CANCELLED.
CREATE TABLE visit (
    visit_id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    case_id           VARCHAR(70)   NOT NULL,
    account_id        VARCHAR(64)   NOT NULL REFERENCES account (account_id),
    party_id          VARCHAR(64)   NOT NULL REFERENCES party (party_id),
    contact_point_id  VARCHAR(64)   REFERENCES contact_point (contact_point_id),
    address           VARCHAR(300),
    city              VARCHAR(100)  NOT NULL DEFAULT '?',
    district          VARCHAR(100)  NOT NULL DEFAULT '?',
    lat               DOUBLE PRECISION,
    lon               DOUBLE PRECISION,
    source            VARCHAR(10)   NOT NULL,
    run_as_of         DATE,
    reason            VARCHAR(1000) NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    requested_by      VARCHAR(100)  NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMP WITH TIME ZONE,
    decision_note     VARCHAR(1000),
    team              VARCHAR(50),
    scheduled_at      TIMESTAMP WITH TIME ZONE,
    visit_day         DATE,
    verdict_id        VARCHAR(36),
    client_key        VARCHAR(100),
    CONSTRAINT visit_source_ck CHECK (source IN ('RUN', 'AGENT')),
    CONSTRAINT visit_status_ck CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'REPORTED', 'CANCELLED')),
    CONSTRAINT visit_coordinates_ck CHECK ((lat IS NULL AND lon IS NULL) OR (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180))
);
CREATE INDEX visit_case_ix ON visit (case_id, status);
CREATE INDEX visit_day_ix ON visit (team, visit_day);
-- a strategy asks for a visit at most once per case and business date; an agent's retry names one request
CREATE UNIQUE INDEX visit_run_ux ON visit (run_as_of, case_id);
CREATE UNIQUE INDEX visit_client_key_ux ON visit (requested_by, client_key);

CREATE TABLE visit_staff (
    visit_id  VARCHAR(40)  NOT NULL REFERENCES visit (visit_id),
    username  VARCHAR(100) NOT NULL,
    PRIMARY KEY (visit_id, username)
);

-- The report of a visit (one per visit): whom the staff met, what came of it; cash is never collected on a visit.
CREATE TABLE visit_report (
    visit_id          VARCHAR(40)   NOT NULL PRIMARY KEY REFERENCES visit (visit_id),
    met               VARCHAR(12)   NOT NULL,
    met_party_id      VARCHAR(64)   REFERENCES party (party_id),
    met_description   VARCHAR(300),
    outcome           VARCHAR(20)   NOT NULL,
    promise_id        VARCHAR(64),
    contact_id        VARCHAR(64),
    note              VARCHAR(4000),
    request_hash      CHAR(64)      NOT NULL,
    reported_by       VARCHAR(100)  NOT NULL,
    reported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    visited_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT visit_report_met_ck CHECK (met IN ('PARTY', 'THIRD_PARTY', 'NOBODY')),
    CONSTRAINT visit_report_outcome_ck CHECK (outcome IN ('PROMISE', 'ACKNOWLEDGED', 'REFUSED', 'HARDSHIP', 'DISPUTE',
        'MOVED_AWAY', 'NOT_FOUND', 'LOCATED', 'OTHER'))
);

-- Photos and recordings of a visit, referenced by SHA-256 (the file itself optionally kept in document).
CREATE TABLE visit_evidence (
    visit_id     VARCHAR(40)  NOT NULL REFERENCES visit (visit_id),
    sha256       CHAR(64)     NOT NULL,
    name         VARCHAR(300) NOT NULL,
    kind         VARCHAR(12)  NOT NULL,
    document_id  VARCHAR(40),
    PRIMARY KEY (visit_id, sha256),
    CONSTRAINT visit_evidence_kind_ck CHECK (kind IN ('PHOTO', 'RECORDING', 'OTHER'))
);

-- A legal matter of a case for one account: PROPOSED (by a strategy's LEGAL_REVIEW task or an agent) → OPEN
-- (approved by a supervisor, or started by one) → CLOSED; or REJECTED.
CREATE TABLE legal_matter (
    matter_id       VARCHAR(40)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(70)   NOT NULL,
    account_id      VARCHAR(64)   NOT NULL REFERENCES account (account_id),
    source          VARCHAR(10)   NOT NULL,
    run_as_of       DATE,
    reason          VARCHAR(1000) NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_note   VARCHAR(1000),
    CONSTRAINT legal_matter_source_ck CHECK (source IN ('RUN', 'SUPERVISOR', 'AGENT')),
    CONSTRAINT legal_matter_status_ck CHECK (status IN ('PROPOSED', 'OPEN', 'REJECTED', 'CLOSED'))
);
CREATE INDEX legal_matter_case_ix ON legal_matter (case_id);
CREATE INDEX legal_matter_account_ix ON legal_matter (account_id);
CREATE UNIQUE INDEX legal_matter_run_ux ON legal_matter (run_as_of, case_id);

-- One step of a matter (each step once, in order). step_date: when it happened (letter sent, mediation held, lawsuit
-- filed, judgment given, enforcement applied for). receipt_date: a lawyer's letter's delivery receipt (interrupts the
-- limitation period).
CREATE TABLE legal_step (
    matter_id          VARCHAR(40)   NOT NULL REFERENCES legal_matter (matter_id),
    step               VARCHAR(15)   NOT NULL,
    step_date          DATE          NOT NULL,
    court              VARCHAR(200),
    court_case_number  VARCHAR(100),
    next_deadline      DATE,
    deadline_note      VARCHAR(300),
    document_id        VARCHAR(40),
    receipt_date       DATE,
    receipt_reference  VARCHAR(200),
    note               VARCHAR(2000),
    recorded_by        VARCHAR(100)  NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (matter_id, step),
    CONSTRAINT legal_step_step_ck CHECK (step IN ('LAWYER_LETTER', 'MEDIATION', 'LAWSUIT', 'JUDGMENT', 'ENFORCEMENT')),
    CONSTRAINT legal_step_receipt_ck CHECK (receipt_date IS NULL OR step = 'LAWYER_LETTER')
);
CREATE INDEX legal_step_deadline_ix ON legal_step (next_deadline);

-- Costs of a step (court fees, lawyer's fees, enforcement fees), money with its currency.
CREATE TABLE legal_cost (
    cost_id       VARCHAR(40)  NOT NULL PRIMARY KEY,
    matter_id     VARCHAR(40)  NOT NULL,
    step          VARCHAR(15)  NOT NULL,
    description   VARCHAR(200) NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    recorded_by   VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (matter_id, step) REFERENCES legal_step (matter_id, step),
    CONSTRAINT legal_cost_amount_ck CHECK (amount_minor > 0)
);
CREATE INDEX legal_cost_matter_ix ON legal_cost (matter_id);
