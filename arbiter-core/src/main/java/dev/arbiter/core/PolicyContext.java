package dev.arbiter.core;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The facts a decision is made on: flat keys such as {@code step_type}, {@code model}, {@code tool_input.query},
 * plus nested objects such as {@code step_input}, which conditions reach with dotted paths.
 *
 * <p>Build one per gate with {@link #builder()}. Step and tool inputs are added both as nested maps and as flat
 * {@code step_input.<key>} / {@code tool_input.<key>} entries for their top-level keys, as AxonFlow's WCP adapter
 * does. With a PII probe, the builder also derives {@code step_input.contains_pii} and
 * {@code tool_input.contains_pii} from the string leaves of those inputs (at most {@value #MAX_SCAN_LEAVES} leaves
 * and {@value #MAX_SCAN_CHARS} characters in all, so a huge input cannot stall a gate). All values are deep-copied, so a context is immutable and
 * thread-safe.
 */
public final class PolicyContext {
    /** At most this many string leaves of one input are shown to the PII probe. */
    public static final int MAX_SCAN_LEAVES = 1_000;

    /** At most this many characters of one input, over all its leaves, are shown to the PII probe. */
    public static final int MAX_SCAN_CHARS = 256 * 1024;

    private static final PolicyContext EMPTY = new PolicyContext(Map.of());

    private final Map<String, Object> flat;
    private volatile Map<String, Object> celVariables;

    private PolicyContext(Map<String, Object> flat) {
        this.flat = flat;
    }

    /** A new builder with no PII probe. */
    public static Builder builder() {
        return new Builder();
    }

    /** A context with no facts at all. */
    public static PolicyContext empty() {
        return EMPTY;
    }

    /** A context of the given flat entries ({@code step_input}/{@code tool_input} maps are expanded as usual). */
    public static PolicyContext of(Map<String, ?> entries) {
        return builder().putAll(entries).build();
    }

    /** The value a condition field resolves to, with the same rules as policy evaluation; empty when missing. */
    public Optional<Object> value(String field) {
        return Optional.ofNullable(FieldRef.of(field).resolve(flat));
    }

    /** Every flat entry, including derived ones; unmodifiable. */
    public Map<String, Object> asMap() {
        return flat;
    }

    Object resolve(FieldRef field) {
        return field.resolve(flat);
    }

    /** The CEL activation for this context, built on first use (a benign race: every thread builds the same). */
    Map<String, Object> celVariables() {
        Map<String, Object> variables = celVariables;
        if (variables == null) {
            variables = CelEnvironment.variables(flat);
            celVariables = variables;
        }
        return variables;
    }

    @Override
    public String toString() {
        return "PolicyContext" + flat;
    }

    /**
     * An input frozen and scanned for PII once, ahead of the context it goes into: a server prepares the
     * request's inputs before it takes the locks the rest of the context needs, so that the copy and the
     * scan do not run while they are held. Immutable and thread-safe.
     */
    public static final class Input {
        private final Map<String, Object> frozen;
        private final Boolean containsPii;

        private Input(Map<String, Object> frozen, Boolean containsPii) {
            this.frozen = frozen;
            this.containsPii = containsPii;
        }

        /**
         * {@code raw} deep-copied as the builder copies inputs, with {@code contains_pii} derived by
         * {@code probe} as the builder would (none without a probe, or when the input has its own key).
         */
        public static Input of(Map<?, ?> raw, Predicate<CharSequence> probe) {
            Map<String, Object> frozen = Frozen.copyMap(Objects.requireNonNull(raw, "raw"));
            boolean derived = probe != null && !frozen.containsKey("contains_pii");
            return new Input(frozen, derived ? containsPii(frozen, probe) : null);
        }
    }

    /** Collects context entries; not thread-safe, and reusable: {@link #build()} copies what it has. */
    public static final class Builder {
        private final Map<String, Object> entries = new LinkedHashMap<>();
        private Map<String, Object> stepInput;
        private Map<String, Object> toolInput;
        // Derived beforehand (Input); null: derive with the probe.
        private Boolean stepInputPii;
        private Boolean toolInputPii;
        // The real detectors by default, so that a seed policy on step_input.contains_pii works out of the box.
        private Predicate<CharSequence> piiProbe = ContentScanner.defaults()::containsPii;

        private Builder() {}

        /**
         * Replaces the probe that derives {@code step_input.contains_pii} and {@code tool_input.contains_pii};
         * the default is {@code ContentScanner.defaults()::containsPii}.
         */
        public Builder piiProbe(Predicate<CharSequence> probe) {
            this.piiProbe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /** Derives no {@code contains_pii} keys at all; they stay missing unless put. */
        public Builder withoutPiiProbe() {
            this.piiProbe = null;
            return this;
        }

        /**
         * Puts one flat entry; {@code null} removes it. A map under {@code step_input} or {@code tool_input} is
         * treated as {@link #stepInput} or {@link #toolInput}.
         */
        public Builder put(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value instanceof Map<?, ?> map && key.equals("step_input")) {
                return stepInput(map);
            }
            if (value instanceof Map<?, ?> map && key.equals("tool_input")) {
                return toolInput(map);
            }
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, Frozen.copy(value));
            }
            return this;
        }

        /** Puts every entry of {@code values}, as {@link #put} does. */
        public Builder putAll(Map<String, ?> values) {
            values.forEach(this::put);
            return this;
        }

        /** Sets the step input: nested under {@code step_input} and flat as {@code step_input.<key>}. */
        public Builder stepInput(Map<?, ?> input) {
            this.stepInput = Frozen.copyMap(Objects.requireNonNull(input, "input"));
            this.stepInputPii = null;
            return this;
        }

        /** As {@link #stepInput(Map)}, with the copy and the PII scan {@code input} already made. */
        public Builder stepInput(Input input) {
            this.stepInput = input.frozen;
            this.stepInputPii = input.containsPii;
            return this;
        }

        /** Sets the tool input: nested under {@code tool_input} and flat as {@code tool_input.<key>}. */
        public Builder toolInput(Map<?, ?> input) {
            this.toolInput = Frozen.copyMap(Objects.requireNonNull(input, "input"));
            this.toolInputPii = null;
            return this;
        }

        /** As {@link #toolInput(Map)}, with the copy and the PII scan {@code input} already made. */
        public Builder toolInput(Input input) {
            this.toolInput = input.frozen;
            this.toolInputPii = input.containsPii;
            return this;
        }

        /** Sets {@code tool_name}, {@code tool_type} and the tool input, as a WCP gate's {@code tool_context}. */
        public Builder toolContext(String name, String type, Map<?, ?> input) {
            put("tool_name", name);
            put("tool_type", type);
            return toolInput(input);
        }

        /** As {@link #toolContext(String, String, Map)}, with the tool input already prepared. */
        public Builder toolContext(String name, String type, Input input) {
            put("tool_name", name);
            put("tool_type", type);
            return toolInput(input);
        }

        /** An immutable context of everything put so far. */
        public PolicyContext build() {
            Map<String, Object> flat = new HashMap<>(entries);
            expand(flat, "step_input", stepInput, stepInputPii);
            expand(flat, "tool_input", toolInput, toolInputPii);
            return new PolicyContext(Collections.unmodifiableMap(flat));
        }

        private void expand(Map<String, Object> flat, String name, Map<String, Object> input, Boolean knownPii) {
            if (input == null) {
                return;
            }
            flat.put(name, input);
            for (Map.Entry<String, Object> entry : input.entrySet()) {
                flat.putIfAbsent(name + "." + entry.getKey(), entry.getValue());
            }
            if (!flat.containsKey(name + ".contains_pii")) {
                if (knownPii != null) {
                    flat.put(name + ".contains_pii", knownPii);
                } else if (piiProbe != null) {
                    flat.put(name + ".contains_pii", containsPii(input, piiProbe));
                }
            }
        }
    }

    /** Shows the string leaves of {@code input} to {@code probe}, depth-first, within the scan bounds. */
    static boolean containsPii(Map<String, Object> input, Predicate<CharSequence> probe) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(input);
        int leaves = 0;
        int budget = MAX_SCAN_CHARS;
        while (!pending.isEmpty() && leaves < MAX_SCAN_LEAVES && budget > 0) {
            Object next = pending.pop();
            if (next instanceof Map<?, ?> map) {
                map.values().forEach(pending::push);
            } else if (next instanceof List<?> list) {
                list.forEach(element -> {
                    if (element != null) {
                        pending.push(element);
                    }
                });
            } else if (next instanceof String text) {
                leaves++;
                CharSequence bounded = text.length() > budget ? text.subSequence(0, budget) : text;
                budget -= bounded.length();
                if (probe.test(bounded)) {
                    return true;
                }
            }
        }
        return false;
    }
}
