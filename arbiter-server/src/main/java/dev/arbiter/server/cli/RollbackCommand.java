package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter policies rollback NAME --version N}: restores a version of a policy as a new version. */
@Command(name = "rollback", description = "Restore a policy (by name or id) to an earlier version.")
final class RollbackCommand implements Callable<Integer> {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Parameters(index = "0", description = "The policy's name or id.")
    private String policy = "";

    @Option(names = "--version", required = true, description = "The version to restore.")
    private int version;

    @Option(names = "--reason", description = "Why, recorded in the new version's summary.")
    private @Nullable String reason;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            PolicyApi api = server.api();
            String id = resolve(api, policy);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", version);
            if (reason != null) {
                body.put("reason", reason);
            }
            JsonNode restored =
                    api.post(PolicyApi.POLICIES + "/" + id + "/rollback", body).path("policy");
            out.println("rolled back " + restored.path("name").asText() + " to version " + version
                    + "; it is now version " + restored.path("version").asInt());
            return 0;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The id of the tenant's live policy with this name, or the argument itself when it is an id. */
    static String resolve(PolicyApi api, String nameOrId) {
        if (UUID.matcher(nameOrId).matches()) {
            return nameOrId;
        }
        String search = URLEncoder.encode(nameOrId, StandardCharsets.UTF_8);
        for (int page = 1; ; page++) {
            JsonNode listing = api.get(PolicyApi.POLICIES + "?search=" + search + "&limit=100&page=" + page);
            for (JsonNode p : listing.path("policies")) {
                if (p.path("name").asText().equals(nameOrId)) {
                    return p.path("id").asText();
                }
            }
            if (page >= listing.path("pagination").path("total_pages").asInt()) {
                throw new CliFailure("no live policy named '" + nameOrId + "'");
            }
        }
    }
}
