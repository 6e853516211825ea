package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code arbiter policies versions NAME}: a policy's history, newest first, to pick a rollback target. */
@Command(name = "versions", description = "List the versions of a policy (by name or id), newest first.")
final class VersionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Parameters(index = "0", description = "The policy's name or id.")
    private String policy = "";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            PolicyApi api = server.api();
            String id = RollbackCommand.resolve(api, policy);
            for (JsonNode v :
                    api.get(PolicyApi.POLICIES + "/" + id + "/versions").path("versions")) {
                out.println("v" + v.path("version").asInt() + "  "
                        + v.path("changed_at").asText() + "  "
                        + v.path("changed_by").asText("-") + "  "
                        + v.path("change_type").asText() + "  "
                        + v.path("change_summary").asText(""));
            }
            return 0;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }
}
