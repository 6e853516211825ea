package dev.arbiter.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void approvalId_isUuid5InAxonFlowsNamespace() {
        // Expected values computed with Python's uuid.uuid5 over the same namespace and names.
        assertThat(Identifiers.approvalId("wf_abc", "step-1", 1)).isEqualTo("9ffcba6e-af0d-5a83-83f1-9cd70a3c0a3d");
        assertThat(Identifiers.approvalId("wf_abc", "step-1", 3)).isEqualTo("e0443219-f027-58ed-a448-be5b03e70f98");
    }

    @Test
    void decisionId_followsTheContract() {
        assertThat(Identifiers.decisionId("wf_abc", "step-1")).isEqualTo("dec_wf_abc_step-1");
    }

    @Test
    void workflowId_isWfAnd128RandomBits() {
        Identifiers ids = new Identifiers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.workflowId();
            assertThat(id).matches("wf_[a-z2-7]{26}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void inputHash_ignoresKeyOrder_butNotValues() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", 1);
        a.put("y", Map.of("b", 2, "a", 1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", Map.of("a", 1, "b", 2));
        b.put("x", 1);
        assertThat(Identifiers.inputHash(a, null)).isEqualTo(Identifiers.inputHash(b, null));
        assertThat(Identifiers.inputHash(Map.of("x", 2), null))
                .isNotEqualTo(Identifiers.inputHash(Map.of("x", 1), null));
        assertThat(Identifiers.inputHash(null, null)).isNotEqualTo(Identifiers.inputHash(Map.of(), null));
    }
}
