package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step's gate seen as a point the workflow can be resumed from (contract §1.8): the step row with its
 * checkpoint number and how often it was resumed from.
 *
 * @param id the checkpoint's number, assigned when the step was first gated and unique in the database
 * @param resumeCount how often the workflow was resumed from this checkpoint
 * @param lastResumedAt when it last was, or {@code null}
 * @param step the step as stored now (its latest fresh gate)
 */
public record CheckpointRecord(
        long id, int resumeCount, @Nullable Instant lastResumedAt, StepRecord step) {
    public CheckpointRecord {
        Objects.requireNonNull(step, "step");
        if (resumeCount < 0) {
            throw new IllegalArgumentException("resumeCount must be >= 0, got " + resumeCount);
        }
    }
}
