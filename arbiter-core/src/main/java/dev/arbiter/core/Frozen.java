package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of the generic trees (maps, lists, scalars) that JSON and YAML parsers produce.
 *
 * <p>{@link Map#copyOf} and {@link List#copyOf} reject {@code null}, but JSON has nulls. The rule here is
 * deliberate: a {@code null} map value means "absent" in JSON, so such entries are dropped; list elements keep
 * their position, so a {@code null} element is kept. Map keys are turned into strings and insertion order is
 * kept, so canonical output is stable. Structures deeper than {@link #MAX_DEPTH} are cut at that depth.
 */
final class Frozen {
    /** Deeper structures are not policy data but an attack or a bug; they are cut here. */
    static final int MAX_DEPTH = 32;

    private Frozen() {}

    /** A deep unmodifiable copy of {@code value}; scalars are returned as they are. */
    static Object copy(Object value) {
        return copy(value, 0);
    }

    /** A deep unmodifiable copy of {@code map} with null values dropped. */
    static Map<String, Object> copyMap(Map<?, ?> map) {
        return copyMap(map, 0);
    }

    /** A deep unmodifiable copy of {@code list}, nulls kept. */
    static List<Object> copyList(Collection<?> list) {
        return copyList(list, 0);
    }

    private static Object copy(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, depth + 1);
        }
        if (value instanceof Collection<?> list) {
            return copyList(list, depth + 1);
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return value;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, int depth) {
        if (depth > MAX_DEPTH || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() != null && entry.getKey() != null) {
                copy.put(entry.getKey().toString(), copy(entry.getValue(), depth));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(Collection<?> list, int depth) {
        if (depth > MAX_DEPTH || list.isEmpty()) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
            copy.add(element == null ? null : copy(element, depth));
        }
        return Collections.unmodifiableList(copy);
    }
}
