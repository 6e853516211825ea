package dev.arbiter.client.examples;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.ArbiterConfig;
import dev.arbiter.client.Requests;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.util.Map;

/** Seed 001's Java example (AxonFlow's WorkflowControl.java), with the Arbiter SDK. */
public final class WorkflowControl {
    /** Runs the example against Arbiter at the given endpoint (default http://localhost:8080). */
    public static void main(String[] args) {
        String workflowId = run(args.length > 0 ? args[0] : "http://localhost:8080");
        System.out.println("workflow " + workflowId + " finished");
    }

    /** The seed's code: create a workflow, gate one step, run it or abort, complete. */
    public static String run(String endpoint) {
        try (ArbiterClient client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(endpoint)
                .clientId("my-workflow-app")
                .clientSecret("your-secret")
                .build())) {
            // Create workflow
            CreateWorkflowResponse workflow = client.createWorkflow(Requests.createWorkflow("code-review-pipeline")
                    .source(WorkflowSource.EXTERNAL)
                    .build());

            // Check gate
            StepGateResponse gate = client.stepGate(
                    workflow.workflowId(),
                    "step-1",
                    Requests.stepGate("Generate Code", StepType.LLM_CALL)
                            .model("gpt-4")
                            .provider("openai")
                            .build());

            if (gate.isAllowed()) {
                // Execute step, then mark completed
                Object result = executeStep();
                client.markStepCompleted(
                        workflow.workflowId(),
                        "step-1",
                        Requests.stepCompleted().output(Map.of("code", result)).build());
            } else if (gate.isBlocked()) {
                client.abortWorkflow(workflow.workflowId(), gate.reason());
                return workflow.workflowId();
            }

            client.completeWorkflow(workflow.workflowId());
            return workflow.workflowId();
        }
    }

    // Stand-in for the step's real work.
    static Object executeStep() {
        return "def add(a, b):\n    return a + b\n";
    }
}
