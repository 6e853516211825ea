package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case file under {@code src/test/resources/cases/<feature>/*.yaml} as dynamic tests. */
class PolicyConformanceTest {

    @TestFactory
    Stream<DynamicNode> cases() throws IOException {
        return caseFiles().stream()
                .map(file -> DynamicContainer.dynamicContainer(
                        casesRoot().relativize(file).toString(),
                        PolicyCaseLoader.load(file).stream()
                                .map(testCase -> DynamicTest.dynamicTest(
                                        testCase.note(),
                                        () -> assertThat(PolicyCaseRunner.run(testCase))
                                                .as(testCase.source() + " — " + testCase.note())
                                                .isEmpty()))));
    }

    @Test
    void suite_coversAtLeast150Cases() throws IOException {
        long count = caseFiles().stream()
                .mapToLong(file -> PolicyCaseLoader.load(file).size())
                .sum();
        assertThat(count).isGreaterThanOrEqualTo(150);
    }

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> files = Files.walk(casesRoot())) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static Path casesRoot() {
        try {
            return Path.of(PolicyConformanceTest.class.getResource("/cases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
