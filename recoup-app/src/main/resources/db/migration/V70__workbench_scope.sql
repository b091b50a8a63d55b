-- Issue 6: who works which case. Agents have a tier; agency users belong to an agency.
ALTER TABLE app_user ADD COLUMN tier VARCHAR(20);
ALTER TABLE app_user ADD COLUMN agency_id VARCHAR(64);
ALTER TABLE app_user ADD CONSTRAINT app_user_tier_ck CHECK (tier IS NULL OR tier IN ('JUNIOR', 'INTERMEDIATE', 'SENIOR'));

-- The current owner of a case: a team (whose queue offers it), optionally one agent of it, or an agency it is placed
-- with. A case with no row belongs to nobody yet: only roles that see every case see it. Changes are kept in
-- case_assignment_history (who, when, why), so a handover never loses where a case has been.
CREATE TABLE case_assignment (
    case_id      VARCHAR(70)  NOT NULL PRIMARY KEY,
    team         VARCHAR(100),
    agent        VARCHAR(100),
    agency_id    VARCHAR(64),
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by  VARCHAR(100) NOT NULL,
    reason       VARCHAR(500)
);
CREATE INDEX case_assignment_agent_ix ON case_assignment (agent);
CREATE INDEX case_assignment_team_ix ON case_assignment (team);
CREATE INDEX case_assignment_agency_ix ON case_assignment (agency_id);

CREATE TABLE case_assignment_history (
    case_id      VARCHAR(70)  NOT NULL,
    seq          INTEGER      NOT NULL,
    team         VARCHAR(100),
    agent        VARCHAR(100),
    agency_id    VARCHAR(64),
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by  VARCHAR(100) NOT NULL,
    reason       VARCHAR(500),
    PRIMARY KEY (case_id, seq)
);
