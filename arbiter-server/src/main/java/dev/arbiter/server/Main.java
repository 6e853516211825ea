package dev.arbiter.server;

import dev.arbiter.server.cli.AuditCommand;
import dev.arbiter.server.cli.ClientsCommand;
import dev.arbiter.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code arbiter} command line: {@code serve}, {@code clients create|list|revoke},
 * {@code audit verify}. Every command that touches data reads the same settings as the server
 * ({@link ConfigLoader}).
 */
@Command(
        name = "arbiter",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Governance control plane for AI agents.",
        subcommands = {ServeCommand.class, ClientsCommand.class, AuditCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = run(args);
        if (status != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns its exit status (0 on success). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException config) {
                cmd.getErr().println(config.getMessage());
                return 2;
            }
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
