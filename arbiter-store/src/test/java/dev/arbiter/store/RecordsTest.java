package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordsTest {
    private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");

    @Test
    void usage_overwritesOnlySentFields() {
        Usage gate = new Usage(100L, 50L, new BigDecimal("0.01"));
        assertThat(gate.overwrittenBy(new Usage(null, 70L, null)))
                .isEqualTo(new Usage(100L, 70L, new BigDecimal("0.01")));
        assertThat(gate.overwrittenBy(Usage.NONE)).isEqualTo(gate);
    }

    @Test
    void usage_rejectsNegativeValues() {
        assertThatThrownBy(() -> new Usage(-1L, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Usage(null, null, new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Usage(null, null, new BigDecimal("1e12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999999999.99999999");
        assertThat(new Usage(null, null, Usage.MAX_COST).costUsd()).isEqualByComparingTo(Usage.MAX_COST);
    }

    @Test
    void workflow_finish_finalisesTotalStepsOnce() {
        WorkflowRecord w = WorkflowRecord.start("t", "wf", "n", "external", null, "{}", null, NOW)
                .withStepIndex(4, NOW)
                .withStepIndex(2, NOW);
        assertThat(w.currentStepIndex()).isEqualTo(4);
        WorkflowRecord done = w.finish(WorkflowStatus.COMPLETED, null, "{}", NOW.plusSeconds(1));
        assertThat(done.totalSteps()).isEqualTo(4);
        assertThat(done.completedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThatThrownBy(() -> w.finish(WorkflowStatus.IN_PROGRESS, null, "{}", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enums_roundTripTheirWireSpelling_andRejectUnknownValues() {
        for (WorkflowStatus s : WorkflowStatus.values()) {
            assertThat(WorkflowStatus.fromWire(s.wire())).isEqualTo(s);
        }
        assertThat(StepDecision.fromWire("require_approval")).isEqualTo(StepDecision.REQUIRE_APPROVAL);
        assertThat(ApprovalStatus.fromWire("expired")).isEqualTo(ApprovalStatus.EXPIRED);
        assertThatThrownBy(() -> WorkflowStatus.fromWire("paused")).hasMessageContaining("paused");
    }

    @Test
    void approval_decisionCannotBePending() {
        assertThatThrownBy(() -> Approval.pending("a").decide(ApprovalStatus.PENDING, "x", NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Approval.pending("a").isPending()).isTrue();
    }

    @Test
    void queries_validatePaging() {
        assertThatThrownBy(() -> new WorkflowQuery("t", null, null, null, 101, 0))
                .hasMessageContaining("1..100");
        assertThatThrownBy(() -> new AuditQuery("t", null, null, null, null, null, null, 10, -1))
                .hasMessageContaining("offset");
        assertThatThrownBy(() -> new AuditQuery("t", NOW, NOW.minusSeconds(1), null, null, null, null, 10, 0))
                .hasMessageContaining("start_time");
    }

    @Test
    void page_hasMore_followsTheContract() {
        assertThat(new Page<>(java.util.List.of(1, 2), 5, 2, 2).hasMore()).isTrue();
        assertThat(new Page<>(java.util.List.of(1), 5, 2, 4).hasMore()).isFalse();
    }
}
