package org.recoup.app.dailyrun;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.recoup.app.portfolio.IdRange;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition (a case id range) of the run's decisions as whole cases, in case id order, on a read-only
 * connection of its own. Restartable like {@link AccountReader}: the last case returned is saved after each committed
 * chunk ({@value #LAST_CASE}) and a restart resumes after it.
 */
class CaseReader implements ItemStreamReader<CaseGroup> {

    static final String LAST_CASE = "lastCaseId";

    private static final String CASES = """
            SELECT d.case_id, d.party_id, d.account_id, s.dpd, s.overdue_total_minor, d.treatments, d.reach
            FROM run_decision d JOIN account_state s ON s.as_of = d.as_of AND s.account_id = d.account_id
            WHERE d.as_of = %s AND %s
            ORDER BY d.case_id, d.account_id""";

    /** The case step's read of a whole date, with literal values (for measuring the floor with COPY). */
    static String caseQuery(LocalDate asOf) {
        return CASES.formatted("DATE '" + asOf + "'", "1 = 1");
    }

    private final DataSource dataSource;
    private final IdRange range;
    private final LocalDate asOf;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean hasRow;
    private String lastRead;

    CaseReader(DataSource dataSource, IdRange range, LocalDate asOf) {
        this.dataSource = dataSource;
        this.range = range;
        this.asOf = asOf;
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.containsKey(LAST_CASE) ? context.getString(LAST_CASE) : null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            String condition = range.condition("d.case_id") + (lastRead == null ? "" : " AND d.case_id > ?");
            statement = connection.prepareStatement(CASES.formatted("?", condition), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(5_000);
            statement.setObject(1, asOf);
            int i = range.bind(statement, 2);
            if (lastRead != null) {
                statement.setString(i, lastRead);
            }
            rows = statement.executeQuery();
            hasRow = rows.next();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("opening cases " + range + " after " + lastRead + " failed", e);
        }
    }

    @Override
    public CaseGroup read() throws SQLException {
        if (!hasRow) {
            return null;
        }
        String caseId = rows.getString(1);
        String partyId = rows.getString(2);
        String reach = rows.getString(7);
        List<CaseGroup.Member> members = new ArrayList<>(2);
        while (hasRow && caseId.equals(rows.getString(1))) {
            List<AccountDecision.RuledTreatment> treatments = new ArrayList<>(2);
            String text = rows.getString(6);
            if (text != null && !text.isEmpty()) {
                for (String line : text.split("\n")) {
                    treatments.add(AccountDecision.RuledTreatment.parse(line));
                }
            }
            members.add(new CaseGroup.Member(rows.getString(3), rows.getInt(4), rows.getLong(5), treatments));
            hasRow = rows.next();
        }
        lastRead = caseId;
        return new CaseGroup(caseId, partyId, reach, members);
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(LAST_CASE, lastRead);
        }
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.close();
            }
        } catch (SQLException ignored) {
            // giving the connection back after a failure
        } finally {
            rows = null;
            statement = null;
            connection = null;
        }
    }
}
