package dev.arbiter.client;

import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.ToolContext;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builders for the Workflow Control Plane's request records, so a call reads like the AxonFlow Java
 * SDK: {@code Requests.stepGate("Generate Code", StepType.LLM_CALL).model("gpt-4").provider("openai").build()}.
 * The records themselves live in {@code dev.arbiter.wire.workflow}.
 */
public final class Requests {
    private Requests() {}

    /** A create-workflow request for this name; source {@code external} unless set. */
    public static CreateWorkflow createWorkflow(String workflowName) {
        return new CreateWorkflow(workflowName);
    }

    /** A gate request for a step with this name and type. */
    public static StepGate stepGate(String stepName, StepType stepType) {
        return new StepGate(stepName, stepType);
    }

    /** A step-completed request; every part optional. */
    public static StepCompleted stepCompleted() {
        return new StepCompleted();
    }

    /** Builds a {@link CreateWorkflowRequest}. Not thread-safe. */
    public static final class CreateWorkflow {
        private final String workflowName;
        private @Nullable WorkflowSource source;
        private @Nullable Map<String, @Nullable Object> metadata;
        private @Nullable String traceId;

        private CreateWorkflow(String workflowName) {
            this.workflowName = workflowName;
        }

        /** The orchestrator running the workflow. */
        public CreateWorkflow source(@Nullable WorkflowSource source) {
            this.source = source;
            return this;
        }

        /** Free-form facts about the run, e.g. environment and team. */
        public CreateWorkflow metadata(@Nullable Map<String, ? extends @Nullable Object> metadata) {
            this.metadata = metadata == null ? null : new LinkedHashMap<>(metadata);
            return this;
        }

        /** The external tracer's id (LangSmith, Datadog, OpenTelemetry), at most 255 characters. */
        public CreateWorkflow traceId(@Nullable String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** The request; fails if the name is blank. */
        public CreateWorkflowRequest build() {
            return new CreateWorkflowRequest(workflowName, source, metadata, traceId, null);
        }
    }

    /** Builds a {@link StepGateRequest}. Not thread-safe. */
    public static final class StepGate {
        private final String stepName;
        private final StepType stepType;
        private @Nullable Map<String, @Nullable Object> input;
        private @Nullable String model;
        private @Nullable String provider;
        private @Nullable Integer tokensIn;
        private @Nullable Integer tokensOut;
        private @Nullable Double costUsd;
        private @Nullable ToolContext tool;
        private @Nullable RetryPolicy retryPolicy;
        private @Nullable String idempotencyKey;

        private StepGate(String stepName, StepType stepType) {
            this.stepName = stepName;
            this.stepType = stepType;
        }

        /** The step's input; its top-level keys reach policies as {@code step_input.<key>}. */
        public StepGate input(@Nullable Map<String, ? extends @Nullable Object> input) {
            this.input = input == null ? null : new LinkedHashMap<>(input);
            return this;
        }

        /** The model the step will call. */
        public StepGate model(@Nullable String model) {
            this.model = model;
            return this;
        }

        /** The model's provider. */
        public StepGate provider(@Nullable String provider) {
            this.provider = provider;
            return this;
        }

        /** Pre-execution estimates, for cost and token policies. */
        public StepGate estimate(Usage estimate) {
            this.tokensIn = estimate.tokensIn();
            this.tokensOut = estimate.tokensOut();
            this.costUsd = estimate.costUsd();
            return this;
        }

        /** The tool the step calls; reaches policies as {@code tool_name}, {@code tool_type}, {@code tool_input.<key>}. */
        public StepGate tool(
                String toolName,
                @Nullable String toolType,
                @Nullable Map<String, ? extends @Nullable Object> toolInput) {
            this.tool = new ToolContext(toolName, toolType, toolInput == null ? null : new LinkedHashMap<>(toolInput));
            return this;
        }

        /** How the server answers a re-gate of the same step id; {@code idempotent} when unset. */
        public StepGate retryPolicy(@Nullable RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** A key recorded on the step at first gate; later gates and completion must repeat it. */
        public StepGate idempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** The request. */
        public StepGateRequest build() {
            return new StepGateRequest(
                    stepName,
                    stepType,
                    input,
                    model,
                    provider,
                    tokensIn,
                    tokensOut,
                    costUsd,
                    tool,
                    retryPolicy,
                    idempotencyKey);
        }
    }

    /** Builds a {@link MarkStepCompletedRequest}. Not thread-safe. */
    public static final class StepCompleted {
        private @Nullable Map<String, @Nullable Object> output;
        private Usage usage = Usage.none();
        private @Nullable String idempotencyKey;

        private StepCompleted() {}

        /** The step's structured output. */
        public StepCompleted output(@Nullable Map<String, ? extends @Nullable Object> output) {
            this.output = output == null ? null : new LinkedHashMap<>(output);
            return this;
        }

        /** Actual tokens and cost. */
        public StepCompleted usage(Usage usage) {
            this.usage = usage;
            return this;
        }

        /** The key the step was gated with, if any. */
        public StepCompleted idempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** The request. */
        public MarkStepCompletedRequest build() {
            return new MarkStepCompletedRequest(
                    output, usage.tokensIn(), usage.tokensOut(), usage.costUsd(), idempotencyKey, null);
        }
    }
}
