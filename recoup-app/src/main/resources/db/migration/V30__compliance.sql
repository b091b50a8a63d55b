-- Compliance gate (issue 4, contract §5): holds, consented contact windows, the verdict audit, and what a contact
-- recorded through the gate carries. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- Holds on a party: an immutable history. Ending a hold sets ended_at/ended_by; a row is never deleted or reopened.
CREATE TABLE party_hold (
    hold_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    party_id         VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    type             VARCHAR(30)  NOT NULL,
    from_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    to_at            TIMESTAMP WITH TIME ZONE,
    reason           VARCHAR(1000) NOT NULL,
    evidence_sha256  CHAR(64),
    set_by           VARCHAR(100) NOT NULL,
    set_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    ended_by         VARCHAR(100),
    CONSTRAINT party_hold_type_ck CHECK (type IN ('DISPUTE', 'CEASE_COMMUNICATION', 'BANKRUPTCY', 'DECEASED',
                                                  'COMPLAINT', 'BREATHING_SPACE')),
    CONSTRAINT party_hold_period_ck CHECK (to_at IS NULL OR to_at > from_at),
    CONSTRAINT party_hold_end_ck CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX party_hold_party_ix ON party_hold (party_id);

-- A contact window the party agreed to (replaces the profile's hours for them). The latest row recorded at or before
-- a contact's instant is in force; a row with no window records that the consent was withdrawn.
CREATE TABLE party_contact_window (
    window_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    party_id      VARCHAR(64)  NOT NULL REFERENCES party (party_id),
    window_start  VARCHAR(5),
    window_end    VARCHAR(5),
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(100) NOT NULL,
    CONSTRAINT party_contact_window_ck CHECK ((window_start IS NULL) = (window_end IS NULL))
);
CREATE INDEX party_contact_window_party_ix ON party_contact_window (party_id, recorded_at);

-- Every verdict of the gate, allowed or blocked, with the facts it used and the profile version that decided.
CREATE TABLE compliance_verdict (
    verdict_id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    source            VARCHAR(60)  NOT NULL,
    username          VARCHAR(100),
    account_id        VARCHAR(64)  NOT NULL,
    party_id          VARCHAR(64)  NOT NULL,
    contact_point_id  VARCHAR(64),
    channel           VARCHAR(10)  NOT NULL,
    purpose           VARCHAR(20)  NOT NULL,
    contact_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decision          VARCHAR(5)   NOT NULL,
    reason_codes      VARCHAR(1000),
    next_allowed_at   TIMESTAMP WITH TIME ZONE,
    facts             TEXT         NOT NULL,
    profile_id        VARCHAR(120) NOT NULL,
    profile_version   INTEGER      NOT NULL,
    template_id       VARCHAR(100),
    contact_id        VARCHAR(64),
    CONSTRAINT compliance_verdict_decision_ck CHECK (decision IN ('ALLOW', 'BLOCK'))
);
CREATE INDEX compliance_verdict_decided_ix ON compliance_verdict (decided_at);
CREATE INDEX compliance_verdict_party_ix ON compliance_verdict (party_id, decided_at);

CREATE TABLE compliance_verdict_reason (
    verdict_id  VARCHAR(36)   NOT NULL REFERENCES compliance_verdict (verdict_id),
    seq         INTEGER       NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    rule        VARCHAR(200)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (verdict_id, seq)
);
CREATE INDEX compliance_verdict_reason_code_ix ON compliance_verdict_reason (code);

-- A contact recorded through POST /api/v1/contacts: who recorded it, why, what was said, which template, the
-- request's fingerprint (a retry with the same contactId and body answers with the original) and its verdict.
ALTER TABLE contact_attempt ADD COLUMN created_by VARCHAR(100);
ALTER TABLE contact_attempt ADD COLUMN purpose VARCHAR(20);
ALTER TABLE contact_attempt ADD COLUMN content TEXT;
ALTER TABLE contact_attempt ADD COLUMN staff VARCHAR(1000);
ALTER TABLE contact_attempt ADD COLUMN template_id VARCHAR(100);
ALTER TABLE contact_attempt ADD COLUMN request_hash VARCHAR(64);
ALTER TABLE contact_attempt ADD COLUMN verdict_id VARCHAR(36);
CREATE INDEX contact_attempt_point_ix ON contact_attempt (contact_point_id, attempted_at);

-- Recordings and other evidence of a contact, referenced by content hash (the files live elsewhere).
CREATE TABLE contact_attachment (
    contact_id  VARCHAR(64)  NOT NULL REFERENCES contact_attempt (contact_id),
    sha256      CHAR(64)     NOT NULL,
    name        VARCHAR(300) NOT NULL,
    PRIMARY KEY (contact_id, sha256)
);

-- The team a user works in, for the compliance report's blocks by team.
ALTER TABLE app_user ADD COLUMN team VARCHAR(100);
