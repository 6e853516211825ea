package dev.arbiter.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Blocking on the client's futures without the {@link CompletionException} wrapper. Stateless. */
final class Futures {
    private Futures() {}

    /** The future's value; its failure is rethrown as the {@link ArbiterException} (or other) it is. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw rethrowable(e);
        }
    }

    /** The real failure inside {@link CompletionException} and {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The failure as something a lambda may throw: unchecked ones as they are, checked ones wrapped. */
    static RuntimeException rethrowable(@Nullable Throwable error) {
        Throwable cause = error == null ? new IllegalStateException("unknown failure") : unwrap(error);
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new CompletionException(cause);
    }
}
