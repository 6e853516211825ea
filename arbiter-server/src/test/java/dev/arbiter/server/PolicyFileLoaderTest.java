package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileLoaderTest {
    @TempDir
    Path dir;

    @Test
    void parse_yamlShorthandUnderPolicies_givesCanonicalPolicies() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), PolicyExamplesContract.POLICIES);
        List<Policy> policies = PolicyFileLoader.parse(file);
        assertThat(policies).hasSize(7);
        assertThat(policies.getFirst().id()).isEqualTo("policy_gpt4_block");
        assertThat(policies.getFirst().conditions()).hasSize(2);
        assertThat(policies.get(1).id()).as("derived from the name").isEqualTo("require-approval-for-deploy");
    }

    @Test
    void parse_jsonList_isAccepted() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), """
                [{"name": "canonical", "conditions": [{"field": "model", "operator": "in", "value": ["a", "b"]}],
                  "actions": [{"type": "block", "config": {"reason": "no"}}]}]""");
        assertThat(PolicyFileLoader.parse(file))
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("canonical"));
    }

    @Test
    void parse_invalidPolicies_listsEveryProblemWithItsPath() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                - name: bad-operator
                  conditions: [{field: model, operator: equal, value: x}]
                  action: block
                - 42
                """);
        assertThatThrownBy(() -> PolicyFileLoader.parse(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(
                                        p -> assertThat(p).startsWith("ARBITER_POLICY_FILE: policies[0].conditions[0]"))
                                .anySatisfy(p ->
                                        assertThat(p).isEqualTo("ARBITER_POLICY_FILE: policies[1] must be an object")));
    }

    @Test
    void parse_duplicateIds_areRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                - {id: same, name: one, conditions: {model: a}, action: block}
                - {id: same, name: two, conditions: {model: b}, action: block}
                """);
        assertThatThrownBy(() -> PolicyFileLoader.parse(file)).hasMessageContaining("duplicate id 'same'");
    }

    @Test
    void parse_notAList_orNotYaml_isReported() throws IOException {
        Path scalar = Files.writeString(dir.resolve("s.yaml"), "just text\n");
        assertThatThrownBy(() -> PolicyFileLoader.parse(scalar)).hasMessageContaining("must hold a list");
        Path broken = Files.writeString(dir.resolve("b.json"), "[{\"name\": ");
        assertThatThrownBy(() -> PolicyFileLoader.parse(broken)).hasMessageContaining("cannot parse");
    }
}
