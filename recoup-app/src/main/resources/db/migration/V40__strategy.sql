-- Strategy documents as versioned YAML (issue 5). A version is never edited: saving adds the next version as a DRAFT.
-- Exactly one version is ACTIVE (the champion every case is decided with outside experiments): champion_slot is 'Y'
-- on that row and NULL elsewhere, and it is unique, so a second ACTIVE row cannot be written even by concurrent
-- activations (NULLs do not collide in a UNIQUE constraint on H2 nor PostgreSQL).
CREATE TABLE strategy_version (
    strategy_id    VARCHAR(100) NOT NULL,
    version        INTEGER      NOT NULL,
    yaml           TEXT         NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    champion_slot  CHAR(1),
    rule_count     INTEGER      NOT NULL,
    note           VARCHAR(500),
    created_by     VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by   VARCHAR(100),
    activated_at   TIMESTAMP WITH TIME ZONE,
    retired_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (strategy_id, version),
    CONSTRAINT strategy_version_status_ck CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    CONSTRAINT strategy_version_champion_ck CHECK ((status = 'ACTIVE' AND champion_slot = 'Y')
        OR (status <> 'ACTIVE' AND champion_slot IS NULL)),
    CONSTRAINT strategy_version_one_champion_uq UNIQUE (champion_slot),
    CONSTRAINT strategy_version_version_ck CHECK (version >= 1)
);

-- Champion/challenger experiments: challenger arms apply a stored strategy version to their share of the covered
-- cases (by a stable hash of case id and experiment id); the rest (control_share) stays on the champion. grades and
-- quadrants are comma-separated filters ('' = all). Running experiments never cover the same segment twice.
CREATE TABLE experiment (
    experiment_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    grades         VARCHAR(20)  NOT NULL DEFAULT '',
    quadrants      VARCHAR(100) NOT NULL DEFAULT '',
    control_share  DOUBLE PRECISION NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    note           VARCHAR(500),
    created_by     VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_by     VARCHAR(100),
    stopped_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT experiment_status_ck CHECK (status IN ('RUNNING', 'STOPPED'))
);

CREATE TABLE experiment_arm (
    experiment_id     VARCHAR(100) NOT NULL REFERENCES experiment (experiment_id),
    position          INTEGER      NOT NULL,
    name              VARCHAR(100) NOT NULL,
    strategy_id       VARCHAR(100) NOT NULL,
    strategy_version  INTEGER      NOT NULL,
    share             DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (experiment_id, position),
    CONSTRAINT experiment_arm_name_uq UNIQUE (experiment_id, name),
    CONSTRAINT experiment_arm_strategy_fk FOREIGN KEY (strategy_id, strategy_version)
        REFERENCES strategy_version (strategy_id, version)
);
