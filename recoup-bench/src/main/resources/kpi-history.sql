-- 90 days of agent contact history for the KPI benchmark (docs/benchmarks.md, "Contact and collector KPIs"), on a copy
-- of the 1 M-account bench database. Run once:  psql -h localhost -U recoup -d recoup_kpicontact_bench -f kpi-history.sql
-- Per day (2026-08-26 .. 2026-11-23): ~35,000 attempts by the 50 bench agents (3.5 % of borrowers; CALL 70 %, SMS 25 %,
-- VISIT 3 %, LETTER 2 %) between 08:00 and 21:59 Shanghai time, 25 % of calls reach the right party, 35 % of those
-- promise; a promise is resolved 3 days later (55 % kept, 10 % partly, 35 % broken); ~15,000 gate verdicts, 12 %
-- blocked with one or two reason codes. Set-based: one statement per table.
SELECT setseed(0.20261124);
\timing on

INSERT INTO contact_attempt (contact_id, account_id, party_id, channel, attempted_at, outcome, source, created_by,
                             disposition)
SELECT 'K' || to_char(x.d, 'YYYYMMDD') || '-' || x.account_id, x.account_id, x.party_id, x.channel,
       (x.d::timestamp + make_interval(hours => 8 + x.h, mins => x.m)) AT TIME ZONE 'Asia/Shanghai',
       CASE WHEN x.channel IN ('SMS', 'LETTER') THEN 'DELIVERED'
            WHEN x.r < 0.25 THEN 'RIGHT_PARTY' WHEN x.r < 0.35 THEN 'THIRD_PARTY' ELSE 'NO_ANSWER' END,
       'API', 'bench-agent-' || lpad(x.agent::text, 3, '0'),
       CASE WHEN x.channel IN ('CALL', 'VISIT') AND x.r < 0.0875 THEN 'PROMISE'
            WHEN x.channel IN ('CALL', 'VISIT') AND x.r < 0.25 THEN 'REFUSED_TO_PAY' END
FROM (SELECT s.d, s.account_id, s.party_id,
             CASE WHEN s.c < 0.70 THEN 'CALL' WHEN s.c < 0.95 THEN 'SMS' WHEN s.c < 0.98 THEN 'VISIT' ELSE 'LETTER' END
                 AS channel, s.r, floor(s.hr * 14)::int AS h, floor(s.mr * 60)::int AS m, floor(s.ar * 50)::int AS agent
      FROM (SELECT DATE '2026-08-26' + g AS d, ap.account_id, ap.party_id, random() AS c, random() AS r,
                   random() AS hr, random() AS mr, random() AS ar, random() AS pick
            FROM generate_series(0, 89) g CROSS JOIN account_party ap
            WHERE ap.role = 'BORROWER') s
      WHERE s.pick < 0.035) x;

INSERT INTO promise (promise_id, account_id, party_id, amount_minor, due_date, channel, promised_at, status, paid_minor,
                     resolved_on, created_by, source)
SELECT 'KP' || c.contact_id, c.account_id, c.party_id, c.a, c.d + 3, 'WECHAT', c.attempted_at + INTERVAL '30 seconds',
       CASE WHEN c.d + 3 > DATE '2026-11-23' THEN 'PENDING' WHEN c.q < 0.55 THEN 'KEPT'
            WHEN c.q < 0.65 THEN 'PARTIALLY_KEPT' ELSE 'BROKEN' END,
       CASE WHEN c.d + 3 > DATE '2026-11-23' THEN 0 WHEN c.q < 0.55 THEN c.a WHEN c.q < 0.65 THEN c.a / 2 ELSE 0 END,
       CASE WHEN c.d + 3 > DATE '2026-11-23' THEN NULL ELSE c.d + 3 END, c.created_by, 'API'
FROM (SELECT c.*, to_date(substr(c.contact_id, 2, 8), 'YYYYMMDD') AS d,
             (50000 + floor(random() * 450000))::bigint AS a, random() AS q
      FROM contact_attempt c
      WHERE c.source = 'API' AND c.disposition = 'PROMISE' AND c.contact_id LIKE 'K2026%') c;

INSERT INTO compliance_verdict (verdict_id, decided_at, source, username, account_id, party_id, channel, purpose,
                                contact_at, decision, reason_codes, facts, profile_id, profile_version)
SELECT 'KV' || to_char(s.d, 'YYYYMMDD') || '-' || s.account_id,
       (s.d::timestamp + make_interval(hours => 8 + floor(s.hr * 14)::int)) AT TIME ZONE 'Asia/Shanghai',
       'bench', 'bench-agent-' || lpad(floor(s.ar * 50)::int::text, 3, '0'), s.account_id, s.party_id,
       CASE WHEN s.cr < 0.7 THEN 'CALL' ELSE 'SMS' END, 'COLLECTION', s.d::timestamp AT TIME ZONE 'Asia/Shanghai',
       CASE WHEN s.b < 0.12 THEN 'BLOCK' ELSE 'ALLOW' END,
       CASE WHEN s.b < 0.05 THEN 'DAILY_CAP' WHEN s.b < 0.09 THEN 'QUIET_HOURS' WHEN s.b < 0.12 THEN 'HOLD,DAILY_CAP' END,
       '{}', 'CN', 1
FROM (SELECT DATE '2026-08-26' + g AS d, ap.account_id, ap.party_id, random() AS b, random() AS hr, random() AS ar,
             random() AS cr, random() AS pick
      FROM generate_series(0, 89) g CROSS JOIN account_party ap
      WHERE ap.role = 'BORROWER') s
WHERE s.pick < 0.015;

INSERT INTO compliance_verdict_reason (verdict_id, seq, code, rule, message)
SELECT v.verdict_id, u.ord, u.code, 'bench', 'bench'
FROM compliance_verdict v
CROSS JOIN LATERAL unnest(string_to_array(v.reason_codes, ',')) WITH ORDINALITY AS u(code, ord)
WHERE v.source = 'bench' AND v.decision = 'BLOCK';

-- one champion/challenger experiment over the run of 2026-11-23 (arm by a stable hash of the account id)
UPDATE run_decision SET experiment_id = 'bench-exp',
       arm = CASE WHEN abs(hashtext(account_id)) % 10 < 8 THEN 'champion' ELSE 'challenger' END
WHERE as_of = DATE '2026-11-23';

ANALYZE contact_attempt;
ANALYZE promise;
ANALYZE compliance_verdict;
ANALYZE compliance_verdict_reason;
ANALYZE run_decision;
