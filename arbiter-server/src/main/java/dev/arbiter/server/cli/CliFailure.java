package dev.arbiter.server.cli;

/** A CLI command that cannot complete; its message is printed as it is and the command exits with 1. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message, null, false, false);
    }
}
