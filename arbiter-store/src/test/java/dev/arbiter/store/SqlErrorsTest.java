package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void isRetryable_deadlockAndSerializationFailure() {
        assertThat(SqlErrors.isRetryable(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("serialization", "40001")))
                .isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("unique", "23505"))).isFalse();
    }

    /** A pool timeout under overload carries no SQL state; it used to throw a NullPointerException here. */
    @Test
    void isRetryable_withoutSqlState_isFalse() {
        assertThat(SqlErrors.isRetryable(new SQLTransientConnectionException("Connection is not available")))
                .isFalse();
        assertThat(SqlErrors.isRetryable(null)).isFalse();
    }
}
