package dev.arbiter.core;

import java.util.Locale;

/** Deterministic ids for policies written without one. Stateless. */
final class PolicyIds {
    private static final int MAX_LENGTH = 64;

    private PolicyIds() {}

    /**
     * A slug of {@code name}: lower case, runs of anything but letters, digits, {@code _} and {@code -} become one
     * {@code -}; {@code policy-<hash>} when nothing is left. The same name always gives the same id.
     */
    static String fromName(String name) {
        StringBuilder slug = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (keep) {
                slug.append(c);
            } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
            if (slug.length() >= MAX_LENGTH) {
                break;
            }
        }
        while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        return slug.isEmpty() ? "policy-" + Integer.toHexString(name.hashCode()) : slug.toString();
    }
}
