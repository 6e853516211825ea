package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

/**
 * One-byte codes for the statement setters the store calls, so that a journal record names a parameter's
 * setter in one byte instead of its name and parameter type names (journal format 2): spelling them out for
 * each of a gate's ~100 parameters was most of the record and a tenth of the writer thread's time (B1,
 * session 7). Code 0 means the setter is spelled out, as format 1 always did. Stateless.
 */
final class JournalSetters {
    /** Code 0: the setter's name and parameter types follow. */
    static final int NAMED = 0;

    private static final List<Signature> KNOWN = List.of(
            new Signature("setString", String.class),
            new Signature("setNull", int.class),
            new Signature("setInt", int.class),
            new Signature("setLong", long.class),
            new Signature("setBigDecimal", BigDecimal.class),
            new Signature("setBoolean", boolean.class),
            new Signature("setObject", Object.class),
            new Signature("setTimestamp", Timestamp.class),
            new Signature("setBytes", byte[].class),
            new Signature("setDouble", double.class),
            new Signature("setShort", short.class));

    private JournalSetters() {}

    /** A setter {@code name(int position, value)}. */
    record Signature(String setter, Class<?> valueType) {
        List<Class<?>> types() {
            return List.of(int.class, valueType);
        }
    }

    /** The code of {@code p}'s setter, or {@link #NAMED} if it has none. */
    static int code(JournalParameter p) {
        List<Class<?>> types = p.types();
        if (types.size() != 2 || types.get(0) != int.class) {
            return NAMED;
        }
        for (int i = 0; i < KNOWN.size(); i++) {
            Signature known = KNOWN.get(i);
            if (known.valueType() == types.get(1) && known.setter().equals(p.setter())) {
                return i + 1;
            }
        }
        return NAMED;
    }

    /** The setter of {@code code}, which must not be {@link #NAMED}. */
    static Signature signature(int code) {
        if (code < 1 || code > KNOWN.size()) {
            throw new IllegalArgumentException("unknown journal setter code " + code);
        }
        return KNOWN.get(code - 1);
    }
}
