package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyContextTest {

    @Test
    void stepInput_isNestedAndFlattenedAtTopLevel() {
        PolicyContext context = PolicyContext.builder()
                .stepInput(Map.of("query", "q", "customer", Map.of("email", "e")))
                .build();

        assertThat(context.asMap())
                .containsEntry("step_input.query", "q")
                .containsEntry("step_input.customer", Map.of("email", "e"))
                .containsKey("step_input")
                .doesNotContainKey("step_input.customer.email");
        assertThat(context.value("step_input.customer.email")).contains("e");
        assertThat(context.value("context.step_input.customer.email")).contains("e");
    }

    @Test
    void aPreparedInput_givesTheSameContextAsTheRawOne_scannedOnceBeforehand() {
        java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Predicate<CharSequence> probe = text -> {
            scans.incrementAndGet();
            return text.toString().contains("123-45-6789");
        };
        Map<String, Object> step = Map.of("note", "SSN 123-45-6789", "n", 1);
        Map<String, Object> tool = Map.of("query", "no pii here");
        Map<String, Object> ownFlag = Map.of("contains_pii", "as sent", "note", "SSN 123-45-6789");

        PolicyContext.Input preparedStep = PolicyContext.Input.of(step, probe);
        PolicyContext.Input preparedTool = PolicyContext.Input.of(tool, probe);
        PolicyContext.Input preparedOwn = PolicyContext.Input.of(ownFlag, probe);
        int scansBeforehand = scans.get();
        PolicyContext prepared = PolicyContext.builder()
                .withoutPiiProbe()
                .stepInput(preparedStep)
                .toolContext("search", "function", preparedTool)
                .build();
        PolicyContext preparedWithOwnFlag =
                PolicyContext.builder().withoutPiiProbe().stepInput(preparedOwn).build();

        assertThat(scans.get()).as("no scan while building").isEqualTo(scansBeforehand);
        assertThat(prepared.asMap())
                .isEqualTo(PolicyContext.builder()
                        .piiProbe(probe)
                        .stepInput(step)
                        .toolContext("search", "function", tool)
                        .build()
                        .asMap())
                .containsEntry("step_input.contains_pii", true)
                .containsEntry("tool_input.contains_pii", false);
        assertThat(preparedWithOwnFlag.asMap())
                .isEqualTo(PolicyContext.builder()
                        .piiProbe(probe)
                        .stepInput(ownFlag)
                        .build()
                        .asMap())
                .containsEntry("step_input.contains_pii", "as sent");
    }

    @Test
    void toolContext_setsNameTypeAndInput() {
        PolicyContext context = PolicyContext.builder()
                .toolContext("sql_query", "mcp", Map.of("query", "SELECT 1"))
                .build();

        assertThat(context.asMap())
                .containsEntry("tool_name", "sql_query")
                .containsEntry("tool_type", "mcp")
                .containsEntry("tool_input.query", "SELECT 1");
    }

    @Test
    void piiProbe_derivesContainsPiiForEachInput() {
        PolicyContext context = PolicyContext.builder()
                .piiProbe(text -> text.toString().contains("123-45-6789"))
                .stepInput(Map.of("notes", List.of("fine", Map.of("ssn", "123-45-6789"))))
                .toolInput(Map.of("query", "nothing"))
                .build();

        assertThat(context.asMap())
                .containsEntry("step_input.contains_pii", true)
                .containsEntry("tool_input.contains_pii", false);
    }

    @Test
    void withoutProbe_containsPiiIsMissing() {
        PolicyContext context = PolicyContext.builder()
                .withoutPiiProbe()
                .stepInput(Map.of("ssn", "123-45-6789"))
                .build();

        assertThat(context.value("step_input.contains_pii")).isEmpty();
    }

    @Test
    void defaultProbe_isTheContentScanner() {
        PolicyContext context = PolicyContext.builder()
                .stepInput(Map.of("note", "card 4111 1111 1111 1111"))
                .toolInput(Map.of("ssn", "000-12-3456"))
                .build();

        assertThat(context.value("step_input.contains_pii")).contains(true);
        assertThat(context.value("tool_input.contains_pii")).contains(false);
    }

    @Test
    void piiScan_isBoundedInLeavesAndCharacters() {
        List<Integer> seen = new ArrayList<>();
        Map<String, Object> input = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            input.put("k" + i, "x".repeat(100));
        }
        input.put("huge", "y".repeat(10 * PolicyContext.MAX_SCAN_CHARS));

        PolicyContext.builder()
                .piiProbe(text -> {
                    seen.add(text.length());
                    return false;
                })
                .stepInput(input)
                .build();

        assertThat(seen).hasSizeLessThanOrEqualTo(PolicyContext.MAX_SCAN_LEAVES);
        assertThat(seen.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(PolicyContext.MAX_SCAN_CHARS);
    }

    @Test
    void put_mapUnderStepInput_expandsLikeStepInput() {
        PolicyContext context = PolicyContext.of(Map.of("step_input", Map.of("a", 1), "model", "gpt-4"));

        assertThat(context.asMap()).containsEntry("step_input.a", 1).containsEntry("model", "gpt-4");
    }

    @Test
    void put_null_removesTheEntry() {
        PolicyContext context =
                PolicyContext.builder().put("model", "gpt-4").put("model", null).build();

        assertThat(context.asMap()).isEmpty();
    }

    @Test
    void build_copiesInput_soLaterChangesDoNotLeak() {
        Map<String, Object> input = new HashMap<>(Map.of("a", "1"));
        List<Object> list = new ArrayList<>(List.of("x"));
        PolicyContext.Builder builder = PolicyContext.builder().stepInput(input).put("list", list);
        PolicyContext first = builder.build();

        input.put("b", "2");
        list.add("y");
        builder.put("model", "gpt-4");

        assertThat(first.asMap()).doesNotContainKeys("step_input.b", "model");
        assertThat(first.asMap().get("list")).isEqualTo(List.of("x"));
        assertThatThrownBy(() -> first.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void value_flatKeyWinsOverNestedPath() {
        PolicyContext context = PolicyContext.builder()
                .put("workflow.cost_usd", 3)
                .put("workflow", Map.of("cost_usd", 4))
                .build();

        assertThat(context.value("workflow.cost_usd")).contains(3);
        assertThat(context.value("workflow.missing")).isEmpty();
        assertThat(context.value("")).isEmpty();
    }
}
