package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.wire.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A gate's policy context as kept for replay: always a valid JSON object of at most a given size, and the list
 * of keys whose values were too large to keep.
 *
 * <p>To fit, it first drops the flat {@code step_input.<k>} / {@code tool_input.<k>} copies of top-level input
 * keys, which replay rebuilds from the nested {@code step_input} / {@code tool_input} objects, so nothing is
 * lost; only if that is not enough does it drop the largest values and name them in {@link #truncatedKeys()}.
 * A replayed policy sees a dropped key as missing. Immutable.
 *
 * @param json the context as a JSON object, keys sorted
 * @param truncatedKeys keys whose values were dropped, sorted; empty when the context is complete
 */
public record BoundedContext(String json, List<String> truncatedKeys) {
    public BoundedContext {
        Objects.requireNonNull(json, "json");
        truncatedKeys = List.copyOf(truncatedKeys);
    }

    /** The bounded form of a context's flat entries ({@code PolicyContext.asMap()}). */
    public static BoundedContext of(Map<String, Object> flat, int maxChars) {
        TreeMap<String, Object> kept = new TreeMap<>(flat);
        String whole = write(kept);
        if (whole.length() <= maxChars) {
            return new BoundedContext(whole, List.of()); // the usual case: one serialisation, nothing to cut
        }
        Map<String, Integer> sizes = new TreeMap<>();
        long total = 2;
        for (Map.Entry<String, Object> entry : kept.entrySet()) {
            int size = entry.getKey().length() + write(entry.getValue()).length() + 4;
            sizes.put(entry.getKey(), size);
            total += size;
        }
        if (total > maxChars) {
            for (String key : List.copyOf(kept.keySet())) {
                if (isRecoverableCopy(key, kept)) {
                    total -= sizes.get(key);
                    kept.remove(key);
                }
            }
        }
        List<String> truncated = new ArrayList<>();
        Map<String, Object> original = new TreeMap<>(flat);
        if (total > maxChars) {
            List<String> bySize = new ArrayList<>(kept.keySet());
            bySize.sort(Comparator.comparing((String key) -> sizes.get(key))
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()));
            for (String key : bySize) {
                if (total <= maxChars) {
                    break;
                }
                total -= sizes.get(key);
                kept.remove(key);
                truncated.add(key);
            }
        }
        total = restoreFlatCopies(original, kept, sizes, truncated, total, maxChars);
        truncated.sort(Comparator.naturalOrder());
        return new BoundedContext(write(kept), truncated);
    }

    /**
     * When a whole input object had to go, its small top-level values are still worth keeping as flat keys:
     * they are put back, smallest first, while they fit; the ones that do not fit are named as truncated.
     */
    private static long restoreFlatCopies(
            Map<String, Object> original,
            Map<String, Object> kept,
            Map<String, Integer> sizes,
            List<String> truncated,
            long total,
            int maxChars) {
        long current = total;
        for (String input : List.of("step_input", "tool_input")) {
            if (!truncated.contains(input)) {
                continue;
            }
            List<String> copies = original.keySet().stream()
                    .filter(key -> key.startsWith(input + ".") && !kept.containsKey(key))
                    .filter(key -> !truncated.contains(key))
                    .sorted(Comparator.comparing((String key) -> sizes.get(key))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (String key : copies) {
                if (current + sizes.get(key) <= maxChars) {
                    kept.put(key, original.get(key));
                    current += sizes.get(key);
                } else {
                    truncated.add(key);
                }
            }
        }
        return current;
    }

    /** A flat {@code step_input.k} equal to {@code step_input}'s own {@code k}, which replay rebuilds. */
    private static boolean isRecoverableCopy(String key, Map<String, Object> flat) {
        for (String input : List.of("step_input", "tool_input")) {
            if (key.startsWith(input + ".") && flat.get(input) instanceof Map<?, ?> nested) {
                String inner = key.substring(input.length() + 1);
                return nested.containsKey(inner) && Objects.equals(nested.get(inner), flat.get(key));
            }
        }
        return false;
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy context value as JSON", e);
        }
    }
}
