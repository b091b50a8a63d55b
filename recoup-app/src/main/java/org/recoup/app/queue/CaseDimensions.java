package org.recoup.app.queue;

import java.util.ArrayList;
import java.util.List;
import org.recoup.engine.delinquency.Band;
import org.recoup.engine.delinquency.DelinquencyPolicy;

/**
 * SQL for what the queue knows of a case on a business date, computed set-based from the run's outputs: the highest
 * dpd of its accounts, the bucket and stage of that dpd under the delinquency policy in force, and its segment (the
 * best grade and quadrant among its accounts). Columns {@code case_id, dpd, bucket, stage, grade, quadrant}; one
 * parameter placeholder list in {@link #params()}, to be bound before the date.
 */
record CaseDimensions(String sql, List<Object> params) {

    /**
     * Rewrites {@code queue_case_facts} for {@code asOf} (two statements); routing and the rebuild then join it by
     * key, a plan that stays linear whatever the planner's statistics.
     */
    static void refresh(org.springframework.jdbc.core.simple.JdbcClient jdbc, DelinquencyPolicy policy,
                        java.time.LocalDate asOf) {
        CaseDimensions dims = of(policy);
        List<Object> params = new ArrayList<>(dims.params());
        params.add(asOf);
        jdbc.sql("DELETE FROM queue_case_facts").update();
        jdbc.sql("INSERT INTO queue_case_facts (case_id, dpd, bucket, stage, grade, quadrant) "
                + "SELECT d.case_id, d.dpd, d.bucket, d.stage, d.grade, d.quadrant FROM (" + dims.sql() + ") d")
                .params(params).update();
    }

    static CaseDimensions of(DelinquencyPolicy policy) {
        List<Object> params = new ArrayList<>();
        String bucket = bandCase(policy.buckets(), params);
        String stage = bandCase(policy.stages(), params);
        String sql = "SELECT m.case_id, m.dpd, " + bucket + " AS bucket, " + stage + " AS stage, m.grade, m.quadrant "
                + "FROM (SELECT rd.case_id, MAX(s.dpd) AS dpd, MIN(rd.grade) AS grade, MIN(rd.quadrant) AS quadrant "
                + "FROM run_decision rd JOIN account_state s ON s.as_of = rd.as_of AND s.account_id = rd.account_id "
                + "WHERE rd.as_of = ? GROUP BY rd.case_id) m";
        return new CaseDimensions(sql, List.copyOf(params));
    }

    /** {@code CASE WHEN m.dpd <= max THEN name … END} over bands contiguous from 0 (the policy validates that). */
    private static String bandCase(List<Band> bands, List<Object> params) {
        StringBuilder sql = new StringBuilder("CASE");
        for (Band b : bands) {
            if (b.maxDpd() == null) {
                sql.append(" WHEN m.dpd >= ? THEN CAST(? AS VARCHAR(20))");
                params.add(b.minDpd());
            } else {
                sql.append(" WHEN m.dpd <= ? THEN CAST(? AS VARCHAR(20))");
                params.add(b.maxDpd());
            }
            params.add(b.name());
        }
        return sql.append(" END").toString();
    }
}
