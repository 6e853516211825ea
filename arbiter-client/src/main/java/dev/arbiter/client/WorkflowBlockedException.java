package dev.arbiter.client;

import java.util.List;

/** A policy blocked the step (gate decision {@code block}); thrown by a session with {@code autoBlock} on. */
public final class WorkflowBlockedException extends GateException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<String> policyIds;

    WorkflowBlockedException(String workflowId, String stepId, String stepName, String reason, List<String> policyIds) {
        super("Step '" + stepName + "' blocked by policy: " + reason, workflowId, stepId, stepName, null);
        this.reason = reason;
        this.policyIds = List.copyOf(policyIds);
    }

    /** The gate's reason, e.g. the blocking policy's. */
    public String reason() {
        return reason;
    }

    /** The ids of the policies that applied; empty if the server named none. */
    public List<String> policyIds() {
        return policyIds;
    }
}
