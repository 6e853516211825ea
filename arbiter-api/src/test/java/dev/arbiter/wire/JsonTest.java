package dev.arbiter.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final ObjectMapper json = Json.mapper();

    @Test
    void read_unknownProperty_isIgnored() throws Exception {
        CreateWorkflowRequest request =
                json.readValue("{\"workflow_name\":\"w\",\"future_field\":{\"x\":1}}", CreateWorkflowRequest.class);
        assertThat(request.workflowName()).isEqualTo("w");
    }

    @Test
    void read_absentOptionalField_isNull() throws Exception {
        CreateWorkflowRequest request = json.readValue("{\"workflow_name\":\"w\"}", CreateWorkflowRequest.class);
        assertThat(request.source()).isNull();
        assertThat(request.metadata()).isNull();
        assertThat(request.traceId()).isNull();
    }

    @Test
    void write_nullOptionalField_isOmitted() throws Exception {
        String written = json.writeValueAsString(CreateWorkflowRequest.of("w", WorkflowSource.EXTERNAL));
        assertThat(written).isEqualTo("{\"workflow_name\":\"w\",\"source\":\"external\"}");
    }

    @Test
    void read_missingRequiredField_failsWithContractMessage() {
        assertThatThrownBy(() -> json.readValue("{\"source\":\"langgraph\"}", CreateWorkflowRequest.class))
                .isInstanceOf(ValueInstantiationException.class)
                .rootCause()
                .hasMessage("workflow_name is required");
        assertThatThrownBy(() -> json.readValue("{\"step_name\":\"x\"}", StepGateRequest.class))
                .rootCause()
                .hasMessage("step_type is required");
    }

    @Test
    void read_unknownEnumValue_fails() {
        assertThatThrownBy(() ->
                        json.readValue("{\"workflow_name\":\"w\",\"source\":\"airflow\"}", CreateWorkflowRequest.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue(
                        "{\"step_type\":\"llm_call\",\"retry_policy\":\"sometimes\"}", StepGateRequest.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void read_enumValues_useContractSpelling() throws Exception {
        StepGateRequest request = json.readValue(
                "{\"step_type\":\"connector_call\",\"retry_policy\":\"reevaluate\"}", StepGateRequest.class);
        assertThat(request.stepType()).isEqualTo(StepType.CONNECTOR_CALL);
        assertThat(request.retryPolicy()).isEqualTo(RetryPolicy.REEVALUATE);
    }

    @Test
    void read_stringForNumber_fails() {
        assertThatThrownBy(() ->
                        json.readValue("{\"step_type\":\"llm_call\",\"tokens_in\":\"12\"}", StepGateRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void read_fractionForInteger_fails() {
        assertThatThrownBy(() -> json.readValue("{\"tokens_in\":1.5}", MarkStepCompletedRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void read_numberForString_fails() {
        assertThatThrownBy(() -> json.readValue("{\"workflow_name\":42}", CreateWorkflowRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void read_scalarForObject_fails() {
        assertThatThrownBy(() ->
                        json.readValue("{\"step_type\":\"llm_call\",\"step_input\":\"text\"}", StepGateRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void read_deeplyNestedInput_failsOnConstraint() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        String body = "{\"step_type\":\"llm_call\",\"step_input\":{\"x\":" + deep + "}}";
        assertThatThrownBy(() -> json.readValue(body, StepGateRequest.class))
                .hasRootCauseInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void read_nestingWithinLimit_isAccepted() throws Exception {
        int depth = Json.MAX_NESTING_DEPTH - 4;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        StepGateRequest request = json.readValue(
                "{\"step_type\":\"llm_call\",\"step_input\":{\"x\":" + nested + "}}", StepGateRequest.class);
        assertThat(request.stepInput()).containsKey("x");
    }

    @Test
    void read_trailingGarbage_fails() {
        assertThatThrownBy(() -> json.readValue("{\"workflow_name\":\"w\"} {}", CreateWorkflowRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void read_timestampWithOffset_isConvertedToUtc() throws Exception {
        AuditSearchRequest request =
                json.readValue("{\"start_time\":\"2026-02-07T11:00:00.123456+01:00\"}", AuditSearchRequest.class);
        assertThat(request.startTime()).isEqualTo(Instant.parse("2026-02-07T10:00:00.123456Z"));
    }

    @Test
    void write_instant_isRfc3339() throws Exception {
        assertThat(json.writeValueAsString(Instant.parse("2026-02-07T10:00:00.250Z")))
                .isEqualTo("\"2026-02-07T10:00:00.250Z\"");
    }

    @Test
    void write_nullInsideFreeFormMap_isKept() throws Exception {
        java.util.Map<String, Object> input = new java.util.HashMap<>();
        input.put("note", null);
        String written = json.writeValueAsString(new MarkStepCompletedRequest(input, null, null, null, null, null));
        assertThat(written).isEqualTo("{\"output\":{\"note\":null}}");
    }
}
