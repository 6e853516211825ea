package dev.arbiter.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads case files from YAML for the conformance suite; the cases themselves are built by
 * {@link PolicyCase#fromTree}, which the CLI ({@code arbiter policies test -f cases.yaml}) uses too.
 */
final class PolicyCaseLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyCaseLoader() {}

    static List<PolicyCase> load(Path file) {
        Object tree;
        try {
            tree = YAML.readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case file " + file, e);
        }
        return cases(tree, file.getFileName().toString());
    }

    static List<PolicyCase> cases(Object tree, String source) {
        return PolicyCase.fromTree(tree, source);
    }
}
