package dev.arbiter.wire.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The events the Workflow Control Plane emits to webhook subscribers (contract §1.6 step 9, §1.8). */
public enum WebhookEventType {
    /** A fresh gate decided {@code require_approval}: a person must approve or reject the step. */
    STEP_APPROVAL_REQUIRED("step.approval_required"),
    /** A pending step was approved. */
    STEP_APPROVED("step.approved"),
    /** A pending step was rejected; its workflow is aborted too. */
    STEP_REJECTED("step.rejected"),
    /** A workflow completed. */
    WORKFLOW_COMPLETED("workflow.completed"),
    /** A workflow was aborted, by a call or by a step's rejection. */
    WORKFLOW_ABORTED("workflow.aborted"),
    /** A workflow was marked failed. */
    WORKFLOW_FAILED("workflow.failed");

    /** In a subscription's {@code events}: every event, including those added later. */
    public static final String ALL = "*";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The contract's spelling, e.g. {@code step.approval_required}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<WebhookEventType> fromWireName(String value) {
        for (WebhookEventType candidate : values()) {
            if (candidate.wireName.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
