package dev.arbiter.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.wire.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedContextTest {

    private static PolicyContext context(Map<String, Object> stepInput) {
        return PolicyContext.builder()
                .put("step_type", "llm_call")
                .put("step_input.contains_pii", true)
                .stepInput(stepInput)
                .build();
    }

    @Test
    void smallContext_isKeptWhole() {
        PolicyContext ctx = context(Map.of("q", "hello"));

        BoundedContext bounded = BoundedContext.of(ctx.asMap(), 10_000);

        assertThat(bounded.truncatedKeys()).isEmpty();
        assertThat(bounded.json()).contains("\"step_input.q\":\"hello\"");
    }

    @Test
    void overBudget_dropsRecoverableFlatCopiesFirst_andReplayRebuildsThem() throws Exception {
        PolicyContext ctx = context(Map.of("q", "x".repeat(400)));

        BoundedContext bounded = BoundedContext.of(ctx.asMap(), 600);

        assertThat(bounded.truncatedKeys()).isEmpty();
        assertThat(bounded.json()).doesNotContain("\"step_input.q\"").hasSizeLessThanOrEqualTo(600);
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = Json.mapper().readValue(bounded.json(), Map.class);
        PolicyContext replayed =
                PolicyContext.builder().withoutPiiProbe().putAll(stored).build();
        assertThat(replayed.value("step_input.q")).contains("x".repeat(400));
        assertThat(replayed.value("step_input.contains_pii")).contains(true);
    }

    @Test
    void stillOverBudget_dropsTheLargestValues_andNamesThem() {
        PolicyContext ctx = context(Map.of("blob", "y".repeat(5_000), "small", "s"));

        BoundedContext bounded = BoundedContext.of(ctx.asMap(), 1_000);

        assertThat(bounded.truncatedKeys()).containsExactly("step_input", "step_input.blob");
        assertThat(bounded.json()).hasSizeLessThanOrEqualTo(1_000).contains("\"step_type\":\"llm_call\"");
        assertThat(bounded.json()).contains("\"step_input.small\":\"s\"").contains("contains_pii");
    }
}
