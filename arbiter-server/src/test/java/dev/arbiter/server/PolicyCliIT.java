package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The operator workflow from the command line against a real server: write policies in YAML, test them,
 * simulate them against recorded traffic, apply them (idempotently), and roll one back.
 */
class PolicyCliIT extends ServerContract {
    static final String POLICIES = """
            policies:
              - name: block-shell
                conditions: {tool_name: shell}
                action: block
                reason: no shell in production
              - name: log-search
                conditions: {tool_name: search}
                action: log
            """;
    static final String CASES = """
            - note: shell is blocked
              context: {tool_name: shell}
              want: {decision: block, matched: [block-shell], reason: no shell in production}
            - note: search is only logged
              context: {tool_name: search}
              want: {decision: log, matched: [log-search]}
            """;

    @Override
    Backend backend() {
        return Backend.H2;
    }

    record Run(int status, String out, String err) {}

    Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    Run policies(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("policies", command, "--url", "http://127.0.0.1:" + app.port()));
        all.addAll(List.of(args));
        return arbiter(all.toArray(String[]::new));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dataDir.resolve(name), content);
    }

    @Test
    void writeTestSimulateApplyRollback() throws IOException {
        Path policies = write("policies.yaml", POLICIES);
        Path cases = write("cases.yaml", CASES);

        Run test = arbiter("policies", "test", "-f", cases.toString(), "-p", policies.toString());
        assertThat(test.status()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS cases.yaml#0 shell is blocked").contains("2 cases: 2 passed, 0 failed");

        String wf = api.createWorkflow("cli-traffic");
        List<String> tools = List.of("shell", "search", "shell", "git");
        for (int i = 0; i < tools.size(); i++) {
            api.gate(wf, "s" + i, PolicyEnforcementContract.toolGate(tools.get(i)))
                    .expect(200);
        }
        Run simulate = policies("simulate", "-f", policies.toString(), "--since", "1h");
        assertThat(simulate.status()).as(simulate.err()).isZero();
        assertThat(simulate.out()).contains("Replayed 4 gates").contains("2 decisions would change");
        assertThat(simulate.out()).contains("allow -> block: 2").contains("block-shell (added)");

        Run apply = policies("apply", "-f", policies.toString(), "--user", "ops");
        assertThat(apply.status()).as(apply.err()).isZero();
        assertThat(apply.out())
                .contains("+ block-shell  created")
                .contains("2 policies: 2 created, 0 updated, 0 unchanged");
        Run again = policies("apply", "-f", policies.toString());
        assertThat(again.out()).contains("= block-shell  unchanged").contains("0 created, 0 updated, 2 unchanged");
        assertThat(api.gate(wf, "after-apply", PolicyEnforcementContract.toolGate("shell"))
                        .text("decision"))
                .isEqualTo("block");

        write("policies.yaml", POLICIES.replace("reason: no shell in production", "reason: no shell\n    priority: 5"));
        Run preview = policies("apply", "-f", policies.toString(), "--dry-run");
        assertThat(preview.out()).contains("~ block-shell  would be updated").contains("priority: 0 -> 5");
        assertThat(preview.out()).contains("nothing was changed");
        Run update = policies("apply", "-f", policies.toString());
        assertThat(update.out()).contains("~ block-shell  updated").contains("priority: 0 -> 5");
        assertThat(update.out()).contains("0 created, 1 updated, 1 unchanged");

        Run versions = policies("versions", "block-shell");
        assertThat(versions.status()).as(versions.err()).isZero();
        assertThat(versions.out().lines().toList()).hasSize(2);
        assertThat(versions.out())
                .startsWith("v2")
                .contains("updated")
                .contains("v1")
                .contains("ops");

        Run rollback = policies("rollback", "block-shell", "--version", "1", "--reason", "too strict");
        assertThat(rollback.status()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back block-shell to version 1; it is now version 3");
        assertThat(api.gate(wf, "after-rollback", PolicyEnforcementContract.toolGate("shell"))
                        .text("reason"))
                .isEqualTo("no shell in production");
    }

    @Test
    void failures_areReportedWithPaths_andExitStatus() throws IOException {
        Path failing = write("failing.yaml", """
                - note: wrong expectation
                  policies: [{name: p, conditions: {model: gpt-4}, action: block}]
                  context: {model: gpt-4}
                  want: {decision: allow}
                """);
        Run test = arbiter("policies", "test", "-f", failing.toString());
        assertThat(test.status()).isEqualTo(1);
        assertThat(test.out()).contains("FAIL failing.yaml#0 wrong expectation").contains("decision: want allow");
        assertThat(arbiter(
                                "policies",
                                "test",
                                "-f",
                                dataDir.resolve("missing.yaml").toString())
                        .status())
                .isEqualTo(2);

        Path invalid = write("invalid.yaml", """
                - name: bad
                  category: dynamic-risk
                  conditions: [{field: model, operator: equal, value: gpt-4}]
                  actions: [{type: block}]
                """);
        Run apply = policies("apply", "-f", invalid.toString());
        assertThat(apply.status()).isEqualTo(1);
        assertThat(apply.err()).contains("VALIDATION_ERROR").contains("policies[0].conditions[0].operator");

        Run unreachable = arbiter("policies", "apply", "-f", invalid.toString(), "--url", "http://127.0.0.1:1");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the server");
        assertThat(policies("rollback", "no-such-policy", "--version", "1").err())
                .contains("no live policy named 'no-such-policy'");
        assertThat(policies("simulate", "--since", "soon").err()).contains("--since must look like");
    }
}
