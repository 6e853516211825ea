package dev.arbiter.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.workflow.WorkflowStateMachine.Event;
import dev.arbiter.server.workflow.WorkflowStateMachine.Transition;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowStateMachineTest {
    private static final Path DIAGRAMS = Path.of("src/main/java/dev/arbiter/server/workflow");

    @Test
    void fire_everyScenario_coversEveryTransition() {
        Set<Transition> visited = new HashSet<>();
        List<List<Event>> scenarios = List.of(
                List.of(Event.GATE_STEP, Event.APPROVE_STEP, Event.RESUME, Event.COMPLETE_STEP, Event.COMPLETE),
                List.of(Event.GATE_STEP, Event.RESUME_CHECKPOINT, Event.COMPLETE),
                List.of(Event.GATE_STEP, Event.ABORT),
                List.of(Event.GATE_STEP, Event.FAIL),
                List.of(Event.GATE_STEP, Event.REJECT_STEP));
        for (List<Event> scenario : scenarios) {
            WorkflowStatus status = WorkflowStatus.IN_PROGRESS;
            for (Event event : scenario) {
                Transition transition = WorkflowStateMachine.fire(status, event);
                visited.add(transition);
                status = transition.to();
            }
            assertThat(status.isTerminal()).isTrue();
        }
        assertThat(visited).containsExactlyInAnyOrderElementsOf(WorkflowStateMachine.TABLE);
    }

    @Test
    void fire_anyEventOnTerminalWorkflow_isWorkflowTerminal() {
        for (WorkflowStatus status : WorkflowStatus.values()) {
            if (!status.isTerminal()) {
                continue;
            }
            for (Event event : Event.values()) {
                assertThatThrownBy(() -> WorkflowStateMachine.fire(status, event))
                        .isInstanceOfSatisfying(
                                ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WORKFLOW_TERMINAL))
                        .hasMessageContaining(status.wireName());
            }
            for (Event resume : List.of(Event.RESUME, Event.RESUME_CHECKPOINT)) {
                assertThatThrownBy(() -> WorkflowStateMachine.fire(status, resume))
                        .hasMessage("cannot resume workflow in terminal state: " + status.wireName());
            }
        }
    }

    @Test
    void approvals_everyTransition_isCoveredAndDecidedOnesAreNotPending() {
        Set<ApprovalStateMachine.Transition> visited = new HashSet<>();
        ApprovalStateMachine.Transition required = ApprovalStateMachine.fire(null, ApprovalStateMachine.Event.REQUIRE);
        visited.add(required);
        visited.add(ApprovalStateMachine.decide(required.to(), ApprovalStateMachine.Event.APPROVE));
        visited.add(ApprovalStateMachine.decide(required.to(), ApprovalStateMachine.Event.REJECT));
        ApprovalStateMachine.Transition expired =
                ApprovalStateMachine.fire(required.to(), ApprovalStateMachine.Event.EXPIRE);
        visited.add(expired);
        assertThat(expired.to()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(visited).containsExactlyInAnyOrderElementsOf(ApprovalStateMachine.TABLE);

        assertThatThrownBy(() -> ApprovalStateMachine.decide(null, ApprovalStateMachine.Event.APPROVE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_APPROVAL_NEEDED));
        assertThatThrownBy(
                        () -> ApprovalStateMachine.decide(ApprovalStatus.APPROVED, ApprovalStateMachine.Event.REJECT))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_PENDING));
        for (ApprovalStateMachine.Event decision :
                List.of(ApprovalStateMachine.Event.APPROVE, ApprovalStateMachine.Event.REJECT)) {
            assertThatThrownBy(() -> ApprovalStateMachine.decide(ApprovalStatus.EXPIRED, decision))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APPROVAL_EXPIRED));
        }
    }

    @Test
    void approvals_onlyPendingCanExpire() {
        for (ApprovalStatus from : ApprovalStatus.values()) {
            if (from == ApprovalStatus.PENDING) {
                continue;
            }
            assertThatThrownBy(() -> ApprovalStateMachine.fire(from, ApprovalStateMachine.Event.EXPIRE))
                    .as("expire from %s", from)
                    .isInstanceOf(RuntimeException.class);
        }
        assertThatThrownBy(() -> ApprovalStateMachine.fire(null, ApprovalStateMachine.Event.EXPIRE))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_APPROVAL_NEEDED));
    }

    @Test
    void diagrams_checkedIn_areCurrent() throws IOException {
        assertDiagram("WorkflowStateMachine.md", "Workflow lifecycle", WorkflowStateMachine.mermaid());
        assertDiagram("ApprovalStateMachine.md", "Step approval lifecycle", ApprovalStateMachine.mermaid());
    }

    /** The file starts with the generated diagram; hand-written notes may follow it and survive an update. */
    private static void assertDiagram(String file, String title, String mermaid) throws IOException {
        String expected = "# " + title + "\n\nGenerated from the transition table by `WorkflowStateMachineTest`; "
                + "regenerate with `-Ddiagrams.update=true`.\n\n```mermaid\n" + mermaid + "```\n";
        Path path = DIAGRAMS.resolve(file);
        String current = Files.exists(path) ? Files.readString(path) : "";
        if (Boolean.getBoolean("diagrams.update")) {
            int fence = current.indexOf("```\n", current.indexOf("```mermaid\n") + 1);
            String notes = fence < 0 ? "" : current.substring(fence + 4);
            Files.writeString(path, expected + notes);
            current = Files.readString(path);
        }
        assertThat(current)
                .as("diagram %s is stale; run with -Ddiagrams.update=true", path)
                .startsWith(expected);
    }
}
