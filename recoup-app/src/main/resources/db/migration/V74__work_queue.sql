-- Issue 6: the agents' work queue. One row per case that an agent should call: rebuilt set-based from the latest
-- run's QUEUE actions (PLANNED, or DEFERRED to planned_at by the compliance gate) after every completed run, plus the
-- follow-ups agents scheduled; updated row-wise by outcomes. pool says whose queue offers the row:
-- 'agent:<username>' (assigned to one agent), 'agency:<agency id>', 'team:<team>' or 'none' (not routed yet), so
-- that "next case" reads one index range per pool in priority order. A case is locked to one agent while
-- locked_until is in the future (claimed with a conditional UPDATE; a lock that has timed out may be taken over).
CREATE TABLE work_queue (
    case_id            VARCHAR(70)  NOT NULL PRIMARY KEY,
    pool               VARCHAR(120) NOT NULL,
    team               VARCHAR(100),
    agent              VARCHAR(100),
    source             VARCHAR(10)  NOT NULL,
    as_of              DATE,
    run_id             BIGINT,
    priority           INTEGER      NOT NULL,
    strategy_priority  INTEGER      NOT NULL,
    rule_id            VARCHAR(100),
    script             VARCHAR(100),
    stage              VARCHAR(20),
    bucket             VARCHAR(20),
    grade              VARCHAR(4),
    quadrant           VARCHAR(20),
    available_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by          VARCHAR(100),
    locked_until       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT work_queue_source_ck CHECK (source IN ('RUN', 'FOLLOW_UP'))
);
CREATE INDEX work_queue_pick_ix ON work_queue (pool, priority DESC, available_at, case_id);
-- the same order within a stage, for "next case" filtered by stage
CREATE INDEX work_queue_stage_pick_ix ON work_queue (pool, stage, priority DESC, available_at, case_id);
CREATE INDEX work_queue_locked_by_ix ON work_queue (locked_by);
CREATE INDEX work_queue_team_ix ON work_queue (team);

-- When an agent asked to work a case again (the follow-up of an outcome): kept apart from work_queue so that a
-- rebuild after the next run keeps it. Replaced by the next outcome of the case.
CREATE TABLE queue_follow_up (
    case_id      VARCHAR(70)  NOT NULL PRIMARY KEY,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(100) NOT NULL,
    disposition  VARCHAR(40),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the queue knows of each case of the last rebuilt business date (highest dpd of its accounts, its bucket and stage,
-- best grade and quadrant), rewritten set-based before routing and the rebuild so that those join it by key: joining
-- the aggregate directly lets a planner with stale statistics re-aggregate per row. route_team: the team routing gives
-- the case when it is open and has no assignment yet (set before the assignment rows are written, so that no statement
-- reads the table it is inserting into row by row).
CREATE TABLE queue_case_facts (
    case_id   VARCHAR(70) NOT NULL PRIMARY KEY,
    dpd       INTEGER     NOT NULL,
    bucket    VARCHAR(20),
    stage     VARCHAR(20),
    grade     VARCHAR(4),
    quadrant  VARCHAR(20),
    route_team VARCHAR(100)
);
