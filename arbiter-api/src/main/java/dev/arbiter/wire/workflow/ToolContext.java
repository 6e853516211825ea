package dev.arbiter.wire.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tool a step is about to call, for per-tool governance (contract §1.6).
 *
 * <p>Its fields reach policies as {@code tool_name}, {@code tool_type} and {@code tool_input.<key>}.
 * A missing {@code tool_name} is answered by the server with 400 {@code INVALID_TOOL_CONTEXT}, so it
 * is not checked here.
 *
 * @param toolName the tool's name, e.g. {@code web_search}; required when the object is sent
 * @param toolType free text such as {@code function}, {@code mcp} or {@code api}
 * @param toolInput the tool's arguments
 */
public record ToolContext(
        @Nullable String toolName,
        @Nullable String toolType,
        @Nullable Map<String, @Nullable Object> toolInput) {
    /** Copies the input. */
    public ToolContext {
        toolInput = toolInput == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(toolInput));
    }
}
