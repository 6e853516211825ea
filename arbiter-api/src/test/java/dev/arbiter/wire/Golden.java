package dev.arbiter.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a wire record with its golden JSON file under {@code src/test/resources/golden}.
 *
 * <p>Goldens are rewritten only on purpose, with {@code -Dgolden.update=true}; review the diff.
 */
final class Golden {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = Json.mapper();

    private Golden() {}

    /** Asserts that {@code value} serialises to the golden file and that the file reads back equal. */
    static <T> void check(String name, T value) throws IOException {
        Path file = ROOT.resolve(value.getClass().getSimpleName()).resolve(name + ".json");
        String written = JSON.writeValueAsString(value);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
        }
        assertThat(file)
                .as("golden file missing; write it by hand or run with -Dgolden.update=true")
                .exists();
        JsonNode expected = JSON.readTree(Files.readString(file));
        assertThat(JSON.readTree(written)).as("serialised %s", file).isEqualTo(expected);
        Object read = JSON.readValue(Files.readString(file), value.getClass());
        assertThat(read).as("deserialised %s", file).isEqualTo(value);
    }
}
