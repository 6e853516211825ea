package dev.arbiter.server;

import java.util.List;

/** Thrown when settings are invalid; carries one message per bad value, each naming its key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** An exception listing every problem found. */
    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per bad value. */
    public List<String> problems() {
        return problems;
    }
}
