package org.recoup.app.queue;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's planner statistics of a table the queue has just rewritten in bulk, inside the writing
 * transaction (ANALYZE counts the transaction's own rows): without it the planner takes a table filled a moment ago
 * for empty and may join it by scanning it once per row of the other side (hours on 1 M cases instead of seconds).
 * H2 plans by its indexes and needs nothing.
 */
@Component
class PlannerStatistics {

    private final JdbcClient jdbc;
    private final boolean postgres;

    PlannerStatistics(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        boolean pg;
        try {
            pg = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            pg = false;
        }
        this.postgres = pg;
    }

    /** {@code ANALYZE table} on PostgreSQL; the name is one of the queue's own tables, never user input. */
    void refresh(String table) {
        if (postgres) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }
}
