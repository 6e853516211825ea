package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;
import org.jspecify.annotations.Nullable;

/** Binding and reading helpers shared by the repositories; stateless. */
final class Sql {
    private Sql() {}

    /**
     * A timestamp argument. Bound as an {@link OffsetDateTime} in UTC (both drivers map it to
     * {@code TIMESTAMP WITH TIME ZONE} without a zone shift) and truncated to microseconds, the precision
     * both databases store, so that what is written hashes and compares equal to what is read back.
     */
    static Argument ts(@Nullable Instant instant) {
        if (instant == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime value = micros(instant).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    /** {@code instant} truncated to the microseconds the databases keep. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new SQLException("column " + column + " is unexpectedly null");
        }
        return value.toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable BigDecimal nullableDecimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    static String string(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        if (value == null) {
            throw new SQLException("column " + column + " is unexpectedly null");
        }
        return value;
    }
}
