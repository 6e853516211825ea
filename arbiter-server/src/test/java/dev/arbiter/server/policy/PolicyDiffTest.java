package dev.arbiter.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
    private static Policy policy(int priority, String reason) {
        return PolicyParser.parse(Map.of(
                "name",
                "p",
                "conditions",
                Map.of("model", "gpt-4"),
                "action",
                "block",
                "reason",
                reason,
                "priority",
                priority));
    }

    @Test
    void of_equalPolicies_isEmpty_evenUnderAnotherId() {
        assertThat(PolicyDiff.of(policy(1, "r"), policy(1, "r").withId("other")))
                .isEmpty();
    }

    @Test
    void of_listsEachChangedField_inCanonicalOrder() {
        assertThat(PolicyDiff.of(policy(1, "old"), policy(5, "new")))
                .containsExactly(
                        "actions: [{\"type\":\"block\",\"config\":{\"reason\":\"old\"}}] -> "
                                + "[{\"type\":\"block\",\"config\":{\"reason\":\"new\"}}]",
                        "priority: 1 -> 5");
    }

    @Test
    void summary_isBounded() {
        assertThat(PolicyDiff.summary(java.util.List.of())).isEqualTo("no change");
        assertThat(PolicyDiff.summary(java.util.Collections.nCopies(50, "x".repeat(40))))
                .hasSize(500)
                .endsWith("...");
    }
}
