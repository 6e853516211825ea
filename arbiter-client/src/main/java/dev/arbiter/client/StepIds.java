package dev.arbiter.client;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Deterministic step ids for a session: {@code step-<n>-<slug>}, where the slug is the step name
 * lowercased with spaces and slashes replaced by {@code -} (as the Python LangGraph adapter does,
 * contract §1.6) and {@code n} counts the gates of that slug in this session, from 1.
 *
 * <p>Counting per slug, not per name, keeps two names with the same slug ("Generate Code" and
 * "generate code") from sharing an id. A completion uses the id of its name's latest gate, so it
 * always matches the gate it follows. Thread-safe.
 */
final class StepIds {
    private final Map<String, Integer> gatesPerSlug = new HashMap<>();
    private final Map<String, String> latestByName = new HashMap<>();

    /** The id for a new gate of this step name. */
    synchronized String next(String stepName) {
        String slug = slug(stepName);
        int n = gatesPerSlug.merge(slug, 1, Integer::sum);
        String id = "step-" + n + "-" + slug;
        latestByName.put(stepName, id);
        return id;
    }

    /** The id of this name's latest gate, if it was gated in this session. */
    synchronized Optional<String> latest(String stepName) {
        return Optional.ofNullable(latestByName.get(stepName));
    }

    static String slug(String stepName) {
        if (stepName == null || stepName.isBlank()) {
            throw new IllegalArgumentException("stepName must not be blank");
        }
        return stepName.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('/', '-');
    }
}
