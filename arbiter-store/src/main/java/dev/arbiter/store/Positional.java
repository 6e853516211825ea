package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * A statement of the gate's hot path, prepared on the handle's own connection and bound by position. Jdbi's
 * named binding looks up an argument factory and its configuration for every value and builds a statement
 * context for every statement; on the gate's writes, with their dozens of columns, that cost more of the
 * writer thread than H2 took to run them (docs/storage.md, "Hot statements"). Values are set exactly as
 * Jdbi sets them (a typed {@code setNull} for a missing value, {@code OffsetDateTime} in UTC for an
 * instant), so both databases see the same statements, and the journal records the setters as before.
 * Failures are thrown as a {@link JdbiException}, as Jdbi's are, so that the writer's retry and translation
 * treat them alike. Not thread-safe; one execution, then {@link #close}.
 */
final class Positional implements AutoCloseable {
    private final PreparedStatement statement;
    private int position;

    private Positional(PreparedStatement statement) {
        this.statement = statement;
    }

    /** {@code sql}, with {@code ?} placeholders, prepared on {@code handle}'s connection. */
    static Positional prepare(Handle handle, String sql) {
        try {
            return new Positional(handle.getConnection().prepareStatement(sql));
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** As {@link #prepare(Handle, String)}, for an insert whose generated {@code keyColumn} is read back. */
    static Positional prepare(Handle handle, String sql, String keyColumn) {
        try {
            return new Positional(handle.getConnection().prepareStatement(sql, new String[] {keyColumn}));
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    Positional string(@Nullable String value) {
        try {
            if (value == null) {
                statement.setNull(++position, Types.VARCHAR);
            } else {
                statement.setString(++position, value);
            }
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional integer(int value) {
        try {
            statement.setInt(++position, value);
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional nullableInt(@Nullable Integer value) {
        try {
            if (value == null) {
                statement.setNull(++position, Types.INTEGER);
            } else {
                statement.setInt(++position, value);
            }
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional longInteger(long value) {
        try {
            statement.setLong(++position, value);
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional nullableLong(@Nullable Long value) {
        try {
            if (value == null) {
                statement.setNull(++position, Types.BIGINT);
            } else {
                statement.setLong(++position, value);
            }
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional decimal(@Nullable BigDecimal value) {
        try {
            if (value == null) {
                statement.setNull(++position, Types.NUMERIC);
            } else {
                statement.setBigDecimal(++position, value);
            }
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    Positional bool(boolean value) {
        try {
            statement.setBoolean(++position, value);
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** An instant as {@link Sql#ts} binds it: microseconds, UTC, or a typed null. */
    Positional timestamp(@Nullable Instant value) {
        try {
            if (value == null) {
                statement.setNull(++position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(++position, Sql.micros(value).atOffset(ZoneOffset.UTC));
            }
            return this;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** Runs an insert, update or delete; the rows it changed. */
    int update() {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** Runs an insert prepared with a key column; the key it generated. */
    long insertReturningKey() {
        try {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the insert returned no generated key");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** Runs a query expected to find at most one row (a key lookup); its first row, mapped. */
    <T> Optional<T> first(RowMapper<T> mapper) {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** Runs a query; every row, mapped. */
    <T> List<T> list(RowMapper<T> mapper) {
        try (ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new PositionalStatementException(e);
        }
    }

    /** A failure of a positional statement, carrying the driver's exception as Jdbi's failures do. */
    static final class PositionalStatementException extends JdbiException {
        private static final long serialVersionUID = 1L;

        PositionalStatementException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
