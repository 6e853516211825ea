package dev.arbiter.server.cli;

import dev.arbiter.core.PolicyCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter policies test -f cases.yaml}: policy unit tests in the format of the core conformance suite
 * ({@code docs/policy-semantics.md} §7), run locally by the same code. With {@code -p policies.yaml}, a case
 * without {@code policies} tests that file's policies. Exit status: 0 all passed, 1 a case failed, 2 the files
 * could not be read.
 */
@Command(name = "test", description = "Run policy unit tests (inputs and expected decisions) locally.")
final class PolicyTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-f", "--file"},
            required = true,
            description = "Case file (the core conformance case format).")
    private Path cases = Path.of("cases.yaml");

    @Option(
            names = {"-p", "--policies"},
            description = "Policy file tested by cases that list no policies of their own.")
    private @Nullable Path policies;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PolicyCase> loaded;
        try {
            List<Map<String, Object>> defaults = policies == null ? List.of() : PolicyFiles.policies(policies);
            loaded = PolicyCase.fromTree(
                    PolicyFiles.tree(cases), cases.getFileName().toString(), defaults);
        } catch (CliFailure | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        int failed = 0;
        for (PolicyCase testCase : loaded) {
            List<String> failures = testCase.run();
            if (failures.isEmpty()) {
                out.println("PASS " + testCase.source() + " " + testCase.note());
            } else {
                failed++;
                out.println("FAIL " + testCase.source() + " " + testCase.note());
                failures.forEach(failure -> out.println("    " + failure));
            }
        }
        out.println(loaded.size() + " cases: " + (loaded.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
