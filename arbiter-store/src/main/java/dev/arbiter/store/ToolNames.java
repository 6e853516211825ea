package dev.arbiter.store;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The text form of a workflow's distinct tool names in {@code workflows.tools_used}: each name escaped
 * (backslash as {@code \\}, line feed as {@code \n}) and ended by a line feed. The terminator, unlike a
 * separator, keeps "no tools" apart from "one tool named empty". The V11 backfill writes the same form in
 * SQL. Names are sorted by {@link String#compareTo}, not by the database's collation, so H2 and a
 * PostgreSQL with any locale give policies the same list.
 */
final class ToolNames {
    /** More distinct tools than this are not kept on the row (stored as NULL); readers scan the steps. */
    static final int MAX = 64;

    private ToolNames() {}

    /** The text for these names, or {@code null} when there are more than {@link #MAX}. */
    static @Nullable String encode(Collection<String> names) {
        if (names.size() > MAX) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            out.append(name.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        return out.toString();
    }

    /** The names in {@code text}, sorted; text not written by {@link #encode} is an {@link StoreException}. */
    static SortedSet<String> decode(String text) {
        SortedSet<String> names = new TreeSet<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                names.add(name.toString());
                name.setLength(0);
            } else if (c == '\\') {
                char next = i + 1 < text.length() ? text.charAt(++i) : '?';
                if (next == 'n') {
                    name.append('\n');
                } else if (next == '\\') {
                    name.append('\\');
                } else {
                    throw new StoreException("workflows.tools_used has a bad escape at " + i);
                }
            } else {
                name.append(c);
            }
        }
        if (!name.isEmpty()) {
            throw new StoreException("workflows.tools_used does not end with a line feed");
        }
        return names;
    }
}
