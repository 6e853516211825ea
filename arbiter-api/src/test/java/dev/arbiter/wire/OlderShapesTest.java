package dev.arbiter.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.wire.audit.AuditEntry;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.StepGateResponse;
import org.junit.jupiter.api.Test;

/** The older answers of contract §11 read into the current records without client-side rewriting. */
class OlderShapesTest {
    private final ObjectMapper json = Json.mapper();

    @Test
    void health_withoutComponentsOrCapabilities_readsAsEmpty() throws Exception {
        HealthResponse health = json.readValue("""
                {"status": "healthy", "service": "axonflow-agent", "timestamp": "2026-02-07T10:00:00Z",
                 "version": "1.0.0"}""", HealthResponse.class);

        assertThat(health.components()).isEmpty();
        assertThat(health.capabilities()).isEmpty();
    }

    @Test
    void health_nullCollections_readAsEmpty() throws Exception {
        HealthResponse health = json.readValue("""
                {"status": "healthy", "service": "s", "timestamp": "2026-02-07T10:00:00Z", "version": "1",
                 "components": null, "capabilities": null}""", HealthResponse.class);

        assertThat(health.components()).isEmpty();
        assertThat(health.capabilities()).isEmpty();
    }

    @Test
    void auditEntry_rawRowWithoutViolationsOrMetadata_readsAsEmpty() throws Exception {
        AuditEntry entry = json.readValue("""
                {"id": "audit_1", "request_id": "wf_1", "timestamp": "2026-02-07T10:00:00Z", "tenant_id": "t",
                 "request_type": "workflow_step_gate", "policy_decision": "blocked", "policy_violations": null}""", AuditEntry.class);

        assertThat(entry.policyViolations()).isEmpty();
        assertThat(entry.metadata()).isEmpty();
        assertThat(entry.policyDecision()).isEqualTo("blocked");
    }

    @Test
    void stepGate_v1AnswerWithoutDecisionSourceOrRetryContext_readsWithNulls() throws Exception {
        StepGateResponse gate = json.readValue("""
                {"decision": "block", "step_id": "step-1", "reason": "GPT-4 not allowed in production",
                 "policy_ids": ["policy_gpt4_block"]}""", StepGateResponse.class);

        assertThat(gate.decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(gate.cached()).isFalse();
        assertThat(gate.decisionSource()).isNull();
        assertThat(gate.retryContext()).isNull();
    }
}
