-- What the daily run decided for each account on a business date (issue 5), one row per (as_of, account_id), written
-- with the account's state by the same run: segment, the strategy version and experiment arm, the rule that fired,
-- the treatments and the explanation. Read by the state API, action exports, simulation and experiment reports.
-- treatments: one line per treatment "ACTION|priority|script|template|tier" in decision order;
-- explanation: one line per explanation entry, in order.
CREATE TABLE run_decision (
    as_of             DATE         NOT NULL,
    account_id        VARCHAR(64)  NOT NULL,
    run_id            BIGINT       NOT NULL,
    case_id           VARCHAR(70)  NOT NULL,
    willingness       VARCHAR(4)   NOT NULL,
    ability           VARCHAR(4)   NOT NULL,
    grade             CHAR(1)      NOT NULL,
    tags              VARCHAR(300) NOT NULL DEFAULT '',
    strategy_id       VARCHAR(100) NOT NULL,
    strategy_version  INTEGER      NOT NULL,
    experiment_id     VARCHAR(100),
    arm               VARCHAR(100),
    fired_rule        VARCHAR(100),
    treatments        TEXT         NOT NULL,
    explanation       TEXT         NOT NULL,
    PRIMARY KEY (as_of, account_id)
);
CREATE INDEX run_decision_case_ix ON run_decision (as_of, case_id);
CREATE INDEX run_decision_experiment_ix ON run_decision (experiment_id, as_of);
