package org.recoup.app.dailyrun;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.recoup.app.portfolio.IdRange;
import org.recoup.app.portfolio.PortfolioReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one partition (an account id range) of a daily run as a stream of {@link AccountInput}s on a read-only
 * connection of its own. Restartable: after each committed chunk the last account id read is saved in the step's
 * execution context ({@value #LAST_ID}); a restarted partition resumes right after it.
 */
class AccountReader implements ItemStreamReader<AccountInput> {

    static final String LAST_ID = "lastAccountId";

    private final DataSource dataSource;
    private final PortfolioReader portfolio;
    private final IdRange range;
    private final LocalDate asOf;
    private Connection connection;
    private RunInputs inputs;
    private String lastRead;

    AccountReader(DataSource dataSource, PortfolioReader portfolio, IdRange range, LocalDate asOf) {
        this.dataSource = dataSource;
        this.portfolio = portfolio;
        this.range = range;
        this.asOf = asOf;
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.containsKey(LAST_ID) ? context.getString(LAST_ID) : null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            connection.setReadOnly(true);
            inputs = RunInputs.open(portfolio, connection, range, lastRead, asOf);
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("opening accounts " + range + " after " + lastRead + " failed", e);
        }
    }

    @Override
    public AccountInput read() throws SQLException {
        AccountInput next = inputs.next();
        if (next != null) {
            lastRead = next.accountId();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(LAST_ID, lastRead);
        }
    }

    @Override
    public void close() {
        if (inputs != null) {
            inputs.close();
            inputs = null;
        }
        if (connection != null) {
            try {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being given back after a failure
            }
            connection = null;
        }
    }
}
