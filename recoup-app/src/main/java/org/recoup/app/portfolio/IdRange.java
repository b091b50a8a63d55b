package org.recoup.app.portfolio;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A contiguous range of account ids in the database's order: {@code from <= id < to}, either bound may be open
 * (null); {@code single} selects exactly {@code from}.
 */
public record IdRange(String from, String to, boolean single) {

    public static final IdRange ALL = new IdRange(null, null, false);

    public static IdRange of(String accountId) {
        return new IdRange(accountId, null, true);
    }

    /** The SQL condition on {@code column}, with placeholders bound by {@link #bind(PreparedStatement, int)}. */
    public String condition(String column) {
        if (single) {
            return column + " = ?";
        }
        String lower = from == null ? "1 = 1" : column + " >= ?";
        return to == null ? lower : lower + " AND " + column + " < ?";
    }

    /** Binds the range's bounds starting at parameter {@code first}; returns the next free parameter index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        if (from != null) {
            ps.setString(i++, from);
        }
        if (!single && to != null) {
            ps.setString(i++, to);
        }
        return i;
    }

    /** The same condition with the bounds written as SQL string literals, for statements that take no parameters (COPY). */
    public String literalCondition(String column) {
        if (single) {
            return column + " = " + quote(from);
        }
        String lower = from == null ? "1 = 1" : column + " >= " + quote(from);
        return to == null ? lower : lower + " AND " + column + " < " + quote(to);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return single ? "[" + from + "]" : "[" + (from == null ? "" : from) + ", " + (to == null ? "∞" : to) + ")";
    }
}
