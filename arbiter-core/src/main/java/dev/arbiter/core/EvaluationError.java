package dev.arbiter.core;

import java.util.Objects;

/**
 * A policy that could not be evaluated for one context (today: a CEL runtime error such as a missing map key).
 *
 * <p>The policy counts as not matching; the error is reported so that operators can fix the policy, and is
 * never thrown. Immutable and thread-safe.
 *
 * @param policyId the policy's id
 * @param message what went wrong
 */
public record EvaluationError(String policyId, String message) {
    public EvaluationError {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(message, "message");
    }
}
