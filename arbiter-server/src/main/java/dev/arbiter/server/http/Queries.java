package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Query parameters and headers as the contract reads them: bad paging values fall back to defaults
 * silently (contract §1.4), unknown enum values are a 400. Stateless.
 */
final class Queries {
    /** Longest header value used as an identity (approver). */
    static final int MAX_HEADER = 255;

    private Queries() {}

    static @Nullable String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static <E extends Enum<E>> @Nullable E enumValue(
            Context ctx, String name, Function<String, Optional<E>> parse, E[] values) {
        String raw = text(ctx, name);
        if (raw == null) {
            return null;
        }
        return parse.apply(raw)
                .orElseThrow(() -> ApiException.badRequest("invalid " + name + " '" + raw
                        + "': must be one of "
                        + Arrays.stream(values).map(Queries::wire).collect(Collectors.joining(", "))));
    }

    /** {@code limit}: the default when absent, non-numeric or below 1; capped at {@code max}. */
    static int limit(Context ctx, int fallback, int max) {
        Integer value = integer(ctx.queryParam("limit"));
        if (value == null || value < 1) {
            return fallback;
        }
        return Math.min(value, max);
    }

    /** {@code offset}: 0 when absent, non-numeric or negative. */
    static int offset(Context ctx) {
        Integer value = integer(ctx.queryParam("offset"));
        return value == null || value < 0 ? 0 : value;
    }

    static @Nullable String header(Context ctx, String name) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_HEADER) {
            throw ApiException.badRequest(name + " must be at most " + MAX_HEADER + " characters");
        }
        return value.trim();
    }

    private static @Nullable Integer integer(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
