package dev.arbiter.client;

import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.StepGateResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Applies the {@link FailureMode} to gate answers: a gate Arbiter could not decide either fails closed
 * (the failure is rethrown) or fails open (a synthetic allow marked {@code fail_open}). Both are logged
 * at WARNING and counted. A gate answer without a known decision is never an allow. Thread-safe.
 */
final class Gates {
    private static final System.Logger LOG = System.getLogger(Gates.class.getName());

    private final FailureMode mode;
    private final Counters counters;

    Gates(FailureMode mode, Counters counters) {
        this.mode = mode;
        this.counters = counters;
    }

    CompletableFuture<StepGateResponse> decide(String stepId, CompletableFuture<StepGateResponse> answer) {
        return answer.thenApply(Gates::checked).exceptionally(error -> resolve(stepId, Futures.unwrap(error)));
    }

    private static StepGateResponse checked(StepGateResponse response) {
        if (response.decision() == null) {
            throw new UnexpectedResponseException(
                    "Arbiter's gate answer has no known decision; the step must not run",
                    200,
                    String.valueOf(response),
                    null);
        }
        return response;
    }

    private StepGateResponse resolve(String stepId, Throwable failure) {
        if (!(failure instanceof ArbiterUnavailableException || failure instanceof ServerException)) {
            throw Futures.rethrowable(failure);
        }
        if (mode == FailureMode.FAIL_OPEN) {
            counters.failOpenAllowed.increment();
            LOG.log(
                    Level.WARNING,
                    "Arbiter could not decide the gate of step {0}; ALLOWING it because the client fails open: {1}",
                    stepId,
                    failure.getMessage());
            return failOpen(stepId, failure);
        }
        counters.failClosed.increment();
        LOG.log(
                Level.WARNING,
                "Arbiter could not decide the gate of step {0}; the step must not run (fail closed): {1}",
                stepId,
                failure.getMessage());
        throw Futures.rethrowable(failure);
    }

    private static StepGateResponse failOpen(String stepId, Throwable failure) {
        return new StepGateResponse(
                GateDecision.ALLOW,
                stepId,
                null,
                List.of(),
                "Allowed without a decision because Arbiter could not be reached (fail open): " + failure.getMessage(),
                null,
                null,
                List.of(),
                List.of(),
                false,
                DecisionSource.FAIL_OPEN,
                null);
    }
}
