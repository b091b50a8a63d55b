-- Workbench case page: the portfolio queries one case page runs (CaseFiles), timed in PostgreSQL for 500 sampled
-- borrowers. Run: PGPASSWORD=recoup psql -h localhost -U recoup -d recoup_bench -f recoup-bench/case-page-queries.sql
\timing on
CREATE TEMP TABLE sample AS SELECT party_id FROM account_party WHERE role = 'BORROWER' AND account_id IN (
  SELECT account_id FROM account TABLESAMPLE SYSTEM (0.1) LIMIT 500);
SELECT COUNT(*) FROM sample;
DO $$
DECLARE p text; t0 timestamptz; n int := 0; x bigint; total interval := '0'; worst interval := '0'; one interval;
BEGIN
  FOR p IN SELECT party_id FROM sample LOOP
    t0 := clock_timestamp();
    SELECT COUNT(*) INTO x FROM party WHERE party_id = p;
    SELECT COUNT(*) INTO x FROM account a WHERE a.account_id IN (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER');
    SELECT COUNT(*) INTO x FROM account_party ap JOIN party pa ON pa.party_id = ap.party_id
      WHERE ap.account_id IN (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER');
    SELECT COUNT(*) INTO x FROM contact_point WHERE party_id IN (SELECT ap2.party_id FROM account_party ap2 WHERE ap2.account_id IN
      (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER'));
    SELECT COUNT(*) INTO x FROM installment WHERE account_id IN (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER');
    SELECT COUNT(*) INTO x FROM payment WHERE account_id IN (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER');
    SELECT COUNT(*) INTO x FROM contact_attempt WHERE account_id IN (SELECT account_id FROM account_party WHERE party_id = p AND role = 'BORROWER');
    one := clock_timestamp() - t0;
    total := total + one; n := n + 1;
    IF one > worst THEN worst := one; END IF;
  END LOOP;
  RAISE NOTICE 'cases %, mean % ms, worst % ms', n, round((extract(epoch FROM total) * 1000 / n)::numeric, 3),
    round((extract(epoch FROM worst) * 1000)::numeric, 3);
END $$;
EXPLAIN ANALYZE SELECT contact_id FROM contact_attempt WHERE account_id IN (SELECT account_id FROM account_party WHERE party_id = (SELECT party_id FROM sample LIMIT 1) AND role = 'BORROWER') ORDER BY attempted_at DESC;
