package dev.arbiter.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.ContentScanner;
import dev.arbiter.core.Decision;
import dev.arbiter.core.Outcome;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicySet;
import dev.arbiter.core.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use the policy core in-process" example, compiled and run from outside the core's package, so
 * it can only use the public API; a second test fails when the README and this code drift apart.
 */
class InProcessExampleTest {

    @Test
    void example_blocksDropTableAndRedactsPii() {
        // readme:start
        PolicySet policies = PolicySet.compile(List.of(PolicyParser.parse(Map.of(
                "name", "block-dangerous-sql",
                "conditions", Map.of("tool_name", "sql_query", "tool_input.query", Map.of("contains", "DROP TABLE")),
                "action", "block",
                "reason", "Destructive SQL operations blocked"))));

        Decision decision = policies.evaluate(PolicyContext.builder()
                .put("step_type", "tool_call")
                .toolContext("sql_query", "mcp", Map.of("query", "DROP TABLE users"))
                .build());
        // decision.outcome() == Outcome.BLOCK, decision.reason() == "Destructive SQL operations blocked"

        Redaction clean = ContentScanner.defaults().redact("Card 4111 1111 1111 1111, SSN 123-45-6789");
        // clean.text() == "Card ****-****-****-1111, SSN XXX-XX-6789"
        // readme:end

        assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(decision.reason()).isEqualTo("Destructive SQL operations blocked");
        assertThat(decision.policyIds()).containsExactly("block-dangerous-sql");
        assertThat(clean.text()).isEqualTo("Card ****-****-****-1111, SSN XXX-XX-6789");
    }

    @Test
    void readme_containsTheExampleVerbatim() throws IOException {
        Path readme = Path.of("../README.md");
        String example =
                snippet(Files.readString(Path.of("src/test/java/dev/arbiter/readme/InProcessExampleTest.java")));

        assertThat(Files.readString(readme)).contains(example);
    }

    /** The lines between the markers, with the method body's indentation removed. */
    private static String snippet(String source) {
        String body = source.substring(
                source.indexOf("// readme:start\n") + "// readme:start\n".length(),
                source.indexOf("        // readme:end"));
        return body.lines()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
    }
}
