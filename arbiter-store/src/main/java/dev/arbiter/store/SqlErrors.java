package dev.arbiter.store;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/** Classifies and translates JDBC failures; stateless. */
final class SqlErrors {
    // 40001: serialization failure (PostgreSQL) and deadlock (H2); 40P01: deadlock (PostgreSQL).
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    static @Nullable SQLException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static boolean isRetryable(@Nullable SQLException e) {
        // The state may be null (HikariCP's "connection is not available" timeout has none); Set.of rejects null.
        return e != null && e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    /** A store exception whose message names the SQL state and the driver's message, never bound values. */
    static StoreException translate(JdbiException e, @Nullable SQLException sql) {
        if (sql == null) {
            return new StoreException(
                    "database operation failed: " + e.getClass().getSimpleName(), e);
        }
        String message = "database operation failed (SQLState " + sql.getSQLState() + "): " + sql.getMessage();
        if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return new DuplicateKeyException(message, e);
        }
        return new StoreException(message, e);
    }
}
