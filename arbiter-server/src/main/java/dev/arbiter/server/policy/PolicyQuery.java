package dev.arbiter.server.policy;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of a policy listing (contract §2.1): all filters are optional and AND-ed.
 *
 * @param category exact category
 * @param type exact type (static listings: severity)
 * @param tier exact tier
 * @param enabled only enabled or only disabled policies
 * @param mode {@code enforce} or {@code shadow}
 * @param search case-insensitive substring of the name or description
 * @param page 1-based page
 * @param limit page size, 1..100
 */
public record PolicyQuery(
        @Nullable String category,
        @Nullable String type,
        @Nullable String tier,
        @Nullable Boolean enabled,
        @Nullable String mode,
        @Nullable String search,
        int page,
        int limit) {
    /** Checks paging. */
    public PolicyQuery {
        if (page < 1 || limit < 1 || limit > 100) {
            throw new IllegalArgumentException("page must be >= 1 and limit within 1..100");
        }
        search = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
    }

    /** True when the text fields match the search (or there is no search). */
    boolean matchesSearch(String name, String description) {
        return search == null
                || name.toLowerCase(Locale.ROOT).contains(search)
                || description.toLowerCase(Locale.ROOT).contains(search);
    }

    static boolean matches(@Nullable String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
