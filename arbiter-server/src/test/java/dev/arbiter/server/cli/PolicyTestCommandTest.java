package dev.arbiter.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code arbiter policies test} on the example of docs/policy-management.md, and the CLI's small parsers. */
class PolicyTestCommandTest {
    private static Path resource(String name) {
        try {
            return Path.of(PolicyTestCommandTest.class
                    .getResource("/policy-workflow/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void documentedExample_passes() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));

        int status = cli.execute(
                "policies",
                "test",
                "-f",
                resource("cases.yaml").toString(),
                "-p",
                resource("policies.yaml").toString());

        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("3 cases: 3 passed, 0 failed");
    }

    @Test
    void duration_acceptsSecondsToDays_andRejectsTheRest() {
        assertThat(SimulateCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulateCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(SimulateCommand.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SimulateCommand.duration("7d")).isEqualTo(Duration.ofDays(7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulateCommand.duration("1w"))
                .isInstanceOf(CliFailure.class);
    }

    @Test
    void errorAnswers_areRenderedWithTheirFields() throws Exception {
        var mapper = dev.arbiter.wire.Json.mapper();
        String dynamic = "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Request validation failed\","
                + "\"details\":[{\"field\":\"policies[0].name\",\"message\":\"is required\"}]}}";
        assertThat(PolicyApi.describe(400, mapper.readTree(dynamic), dynamic))
                .contains("HTTP 400 VALIDATION_ERROR: Request validation failed")
                .contains("policies[0].name: is required");
        String problem = "{\"title\":\"Invalid request\",\"status\":400,\"code\":\"validation_error\","
                + "\"detail\":\"Request validation failed\",\"errors\":[{\"pointer\":\"limit\",\"message\":\"bad\"}]}";
        assertThat(PolicyApi.describe(400, mapper.readTree(problem), problem)).contains("limit: bad");
        assertThat(PolicyApi.describe(502, mapper.missingNode(), "<html>gateway</html>"))
                .isEqualTo("HTTP 502: <html>gateway</html>");
    }
}
