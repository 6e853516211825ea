package dev.arbiter.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A condition field prepared for lookup, so that evaluation never splits or concatenates strings.
 *
 * <p>Resolution order (see {@code docs/policy-semantics.md}): the field as a literal flat key; then, for a
 * {@code context.} field, the remainder as a literal flat key; then a walk into nested maps and lists, starting at
 * the longest dotted prefix that is itself a key. The walk is tried for the field as written and, for a
 * {@code context.} field, for the remainder. A {@code null} value counts as missing. Immutable and thread-safe.
 */
final class FieldRef {
    private static final String CONTEXT_PREFIX = "context.";

    private final String name;
    private final String stripped;
    private final Walk[] walks;

    private FieldRef(String name) {
        this.name = name;
        this.stripped = name.startsWith(CONTEXT_PREFIX) && name.length() > CONTEXT_PREFIX.length()
                ? name.substring(CONTEXT_PREFIX.length())
                : null;
        this.walks = stripped == null ? walksFor(name) : concat(walksFor(name), walksFor(stripped));
    }

    static FieldRef of(String name) {
        return new FieldRef(name);
    }

    String name() {
        return name;
    }

    /** The value this field names in {@code flat}, or {@code null} when it is missing. */
    Object resolve(Map<String, Object> flat) {
        Object value = flat.get(name);
        if (value != null) {
            return value;
        }
        if (stripped != null) {
            value = flat.get(stripped);
            if (value != null) {
                return value;
            }
        }
        for (Walk walk : walks) {
            Object root = flat.get(walk.prefix);
            if (root instanceof Map<?, ?> || root instanceof List<?>) {
                value = descend(root, walk.rest);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static Object descend(Object root, String[] segments) {
        Object current = root;
        for (String segment : segments) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list) {
                int index = listIndex(segment, list.size());
                current = index < 0 ? null : list.get(index);
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static int listIndex(String segment, int size) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index < size ? index : -1;
    }

    /** Every split of {@code path} into a key prefix and the segments below it, longest prefix first. */
    private static Walk[] walksFor(String path) {
        String[] segments = path.split("\\.", -1);
        if (segments.length < 2) {
            return new Walk[0];
        }
        Walk[] walks = new Walk[segments.length - 1];
        for (int cut = segments.length - 1; cut >= 1; cut--) {
            String prefix = String.join(".", Arrays.copyOfRange(segments, 0, cut));
            String[] rest = Arrays.copyOfRange(segments, cut, segments.length);
            walks[segments.length - 1 - cut] = new Walk(prefix, rest);
        }
        return walks;
    }

    private static Walk[] concat(Walk[] first, Walk[] second) {
        Walk[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private record Walk(String prefix, String[] rest) {}

    @Override
    public String toString() {
        return name;
    }
}
