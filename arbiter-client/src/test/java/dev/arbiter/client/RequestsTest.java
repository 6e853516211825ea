package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request builders produce the wire JSON the contract expects. */
class RequestsTest {
    private final Codec codec = new Codec();

    @Test
    void stepGate_seedQuickStart_writesTheSeedBody() {
        StepGateRequest request = Requests.stepGate("Generate Code", StepType.LLM_CALL)
                .model("gpt-4")
                .provider("openai")
                .build();

        assertThat(codec.write(request))
                .isEqualTo("{\"step_name\":\"Generate Code\",\"step_type\":\"llm_call\",\"model\":\"gpt-4\","
                        + "\"provider\":\"openai\"}");
    }

    @Test
    void stepCompleted_outputAndUsage() {
        MarkStepCompletedRequest request = Requests.stepCompleted()
                .output(Map.of("result", "ok"))
                .usage(Usage.of(150, 45, 0.0023))
                .build();

        assertThat(codec.write(request))
                .isEqualTo("{\"output\":{\"result\":\"ok\"},\"tokens_in\":150,\"tokens_out\":45,\"cost_usd\":0.0023}");
    }

    @Test
    void createWorkflow_blankName_isRejectedWithTheContractMessage() {
        assertThatThrownBy(() -> Requests.createWorkflow(" ")
                        .source(WorkflowSource.EXTERNAL)
                        .build())
                .hasMessage("workflow_name is required");
    }

    @Test
    void usage_negativeOrNaN_isRejected() {
        assertThatThrownBy(() -> new Usage(-1, null, null)).hasMessageContaining("tokensIn");
        assertThatThrownBy(() -> new Usage(null, null, Double.NaN)).hasMessageContaining("costUsd");
    }

    @Test
    void listOptions_outOfRangePaging_isRejected() {
        assertThatThrownBy(() -> ListWorkflowsOptions.builder().limit(0).build())
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> ListWorkflowsOptions.builder().offset(-1).build())
                .hasMessageContaining("offset");
    }

    @Test
    void unserialisableInput_isAClearCallerError() {
        StepGateRequest request = Requests.stepGate("x", StepType.LLM_CALL)
                .input(Map.of("stream", new Exploding()))
                .build();

        assertThatThrownBy(() -> codec.write(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write the request as JSON");
    }

    /** A value whose getter fails, as a live stream or connection might. */
    static final class Exploding {
        public String getValue() {
            throw new IllegalStateException("not serialisable");
        }
    }
}
