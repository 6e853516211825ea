package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.AuditQuery;
import dev.arbiter.store.AuditRecord;
import dev.arbiter.store.Database;
import dev.arbiter.store.StepDecision;
import dev.arbiter.wire.workflow.Checkpoint;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A workflow's checkpoints, read from its audit trail: each fresh gate decision is one (contract
 * §1.8). Deriving them from the hash-chained records means they cannot disagree with the audit.
 * Read-only; resuming from a checkpoint is not offered. Thread-safe.
 */
public final class Checkpoints {
    /** At most this many checkpoints are listed, the oldest first. */
    static final int MAX = AuditQuery.MAX_LIMIT;

    private final Database database;

    /** Checkpoints over {@code database}. */
    public Checkpoints(Database database) {
        this.database = database;
    }

    /** The workflow's checkpoints, oldest first. */
    public CheckpointsResponse list(Principal caller, String workflowId) {
        List<AuditRecord> records = database.read(tx -> {
            Workflows.find(tx, caller, workflowId);
            AuditQuery query =
                    new AuditQuery(caller.tenant(), null, null, "workflow_step_gate", workflowId, null, null, MAX, 0);
            return tx.audit().search(query).items();
        });
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (AuditRecord record : records) {
            Map<String, @Nullable Object> details = JsonText.map(record.entry().detailsJson());
            if (!"fresh".equals(details.get("decision_source"))) {
                continue;
            }
            StepDecision decision = StepDecision.fromWire(String.valueOf(details.get("decision")));
            checkpoints.add(new Checkpoint(
                    record.seq(),
                    workflowId,
                    String.valueOf(details.get("step_id")),
                    details.get("step_index") instanceof Number n ? n.intValue() : 0,
                    details.get("step_type") instanceof String type ? type : null,
                    decision == StepDecision.REQUIRE_APPROVAL ? "approval_boundary" : "step_gate",
                    WireMapping.decision(decision),
                    details.get("reason") instanceof String reason ? reason : null,
                    decision != StepDecision.BLOCK,
                    0,
                    record.timestamp()));
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::id));
        return new CheckpointsResponse(workflowId, checkpoints);
    }
}
