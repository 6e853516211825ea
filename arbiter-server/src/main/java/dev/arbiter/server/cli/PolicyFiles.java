package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbiter.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Policy and case files as the CLI reads them: YAML (or JSON by extension), parsed into the generic tree
 * the core and the API take. Stateless.
 */
final class PolicyFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyFiles() {}

    /** The file's tree; an unreadable or malformed file is a {@link CliFailure} naming it. */
    static Object tree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure("no such file: " + file);
        }
        ObjectMapper mapper =
                file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? Json.mapper() : YAML;
        try {
            Object tree = mapper.readValue(file.toFile(), Object.class);
            if (tree == null) {
                throw new CliFailure(file + " is empty");
            }
            return tree;
        } catch (IOException e) {
            String message = e.getMessage() == null
                    ? "unreadable"
                    : e.getMessage().lines().findFirst().orElse("");
            throw new CliFailure("cannot parse " + file + ": " + message);
        }
    }

    /** The policy documents of a policy file: a list, or an object with a {@code policies} list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> policies(Path file) {
        Object tree = tree(file);
        Object list = tree instanceof Map<?, ?> map && map.containsKey("policies") ? map.get("policies") : tree;
        if (!(list instanceof List<?> entries)) {
            throw new CliFailure(file + " must hold a list of policies or an object with a 'policies' list");
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> document)) {
                throw new CliFailure(file + ": policies[" + i + "] must be an object");
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }
}
