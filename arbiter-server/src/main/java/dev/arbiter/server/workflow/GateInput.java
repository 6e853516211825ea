package dev.arbiter.server.workflow;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.ToolContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A gate request with everything that depends on the request alone worked out: its fingerprint, its
 * inputs frozen and scanned for PII, and their JSON as a step stores it. Prepared before the gate's
 * transaction, because the transaction runs on the store's one writer thread: work done there delays
 * every write queued behind it, work done here runs on the request's own thread (docs/storage.md).
 *
 * @param request the request as received
 * @param inputHash the fingerprint of its step input and tool call ({@link Identifiers#inputHash})
 * @param stepInput the step input ({@code {}} when absent), for the policy context
 * @param toolInput the tool input, at most {@link #MAX_TOOL_INPUT_KEYS} keys, when the request names a tool
 * @param stepInputJson the step input as stored, or {@code null} when absent
 * @param toolContextJson the tool context as stored, or {@code null} when absent
 */
record GateInput(
        StepGateRequest request,
        String inputHash,
        PolicyContext.Input stepInput,
        PolicyContext.@Nullable Input toolInput,
        @Nullable String stepInputJson,
        @Nullable String toolContextJson) {

    /** The contract exposes at most this many {@code tool_input.<key>} entries, sorted by key. */
    static final int MAX_TOOL_INPUT_KEYS = 50;

    /** Prepares {@code r}, deriving {@code contains_pii} with {@code piiProbe}. */
    static GateInput of(StepGateRequest r, Predicate<CharSequence> piiProbe) {
        return of(r, Identifiers.inputHash(r.stepInput(), r.toolContext()), piiProbe);
    }

    /** Prepares {@code r} whose fingerprint is already known (a resumed checkpoint keeps the stored one). */
    static GateInput of(StepGateRequest r, String inputHash, Predicate<CharSequence> piiProbe) {
        ToolContext tool = r.toolContext();
        PolicyContext.Input toolInput = tool != null && tool.toolName() != null
                ? PolicyContext.Input.of(limited(tool.toolInput()), piiProbe)
                : null;
        return new GateInput(
                r,
                inputHash,
                PolicyContext.Input.of(r.stepInput() == null ? Map.of() : r.stepInput(), piiProbe),
                toolInput,
                r.stepInput() == null ? null : JsonText.write(r.stepInput()),
                tool == null ? null : JsonText.write(tool));
    }

    private static Map<String, @Nullable Object> limited(@Nullable Map<String, @Nullable Object> input) {
        if (input == null) {
            return Map.of();
        }
        TreeMap<String, @Nullable Object> sorted = new TreeMap<>(input);
        while (sorted.size() > MAX_TOOL_INPUT_KEYS) {
            sorted.pollLastEntry();
        }
        return sorted;
    }
}
