package dev.arbiter.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Govern a Java agent" code identical to the example classes the build compiles
 * and {@link ReadmeExampleIT} runs: edit one, and this fails until the other matches.
 */
class ReadmeSyncTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "arbiter", "client", "examples");
    private static final String SECTION = "## Govern a Java agent";

    @Test
    void readmeCodeBlocks_areTheCompiledExamplesVerbatim() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(README));

        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(0)).isEqualTo(withoutPackage(EXAMPLES.resolve("ResearchAgent.java")));
        assertThat(blocks.get(1)).isEqualTo(withoutPackage(EXAMPLES.resolve("WorkflowControl.java")));
        assertThat(blocks.get(2)).isEqualTo(withoutPackage(EXAMPLES.resolve("PolicyRollout.java")));
        assertThat(blocks.get(3)).isEqualTo(withoutPackage(EXAMPLES.resolve("ApprovalFollowUp.java")));
    }

    private static List<String> javaBlocks(String readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README section '%s'", SECTION).isNotNegative();
        int next = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, next < 0 ? readme.length() : next);
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = section.indexOf("```java\n", from);
            if (open < 0) {
                return blocks;
            }
            int close = section.indexOf("\n```", open);
            blocks.add(section.substring(open + "```java\n".length(), close + 1));
            from = close + 4;
        }
    }

    private static String withoutPackage(Path file) throws IOException {
        String source = Files.readString(file);
        int afterPackage = source.indexOf(";\n\n") + 3;
        return source.substring(afterPackage);
    }
}
