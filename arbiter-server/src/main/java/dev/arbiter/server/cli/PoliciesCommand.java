package dev.arbiter.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code arbiter policies}: the policy workflow from a YAML file — {@code test} it locally, {@code simulate}
 * it against recorded traffic, {@code apply} it, and {@code rollback} a policy to an earlier version. Every
 * command but {@code test} talks to a running server ({@code --url}, credentials for enterprise mode).
 */
@Command(
        name = "policies",
        description = "Test, simulate, apply and roll back policies.",
        subcommands = {
            ApplyCommand.class,
            PolicyTestCommand.class,
            SimulateCommand.class,
            RollbackCommand.class,
            VersionsCommand.class
        })
public final class PoliciesCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
