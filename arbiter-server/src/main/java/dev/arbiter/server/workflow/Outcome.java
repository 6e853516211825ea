package dev.arbiter.server.workflow;

import dev.arbiter.server.error.ApiException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a transaction answers: a value, or a refusal thrown only once the transaction has committed. For
 * requests refused because of something the same transaction had to write first, such as an approval
 * that expired on the way: throwing inside the transaction would roll that write back.
 *
 * @param value the answer, when not refused
 * @param refusal the error to throw after the commit, or {@code null}
 */
record Outcome<T>(@Nullable T value, @Nullable ApiException refusal) {
    Outcome {
        if ((value == null) == (refusal == null)) {
            throw new IllegalArgumentException("an outcome is either a value or a refusal");
        }
    }

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> refused(ApiException refusal) {
        return new Outcome<>(null, refusal);
    }

    /** The value, or throws the refusal. */
    T get() {
        if (refusal != null) {
            throw refusal;
        }
        return Objects.requireNonNull(value);
    }
}
