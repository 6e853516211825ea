package dev.arbiter.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One {@code PreparedStatement.setXxx(index, value, ...)} call as it was made: the setter (name and declared
 * parameter types) and its arguments. Replaying calls the same setter with the same arguments, so whatever
 * conversion the driver applied the first time it applies again.
 */
record JournalParameter(
        String setter, List<Class<?>> types, @Nullable Object[] args) {
    private static final Map<String, Method> SETTERS = new ConcurrentHashMap<>();
    private static final Map<Method, List<Class<?>>> TYPES = new ConcurrentHashMap<>();

    JournalParameter {
        types = List.copyOf(types);
        args = args.clone();
        if (types.size() != args.length) {
            throw new IllegalArgumentException("setter " + setter + " takes " + types.size() + " arguments");
        }
    }

    /** The call {@code method(args)} on a prepared statement. */
    static JournalParameter of(Method method, @Nullable Object[] args) {
        // Method.getParameterTypes copies its array on every call; a setter's types never change.
        return new JournalParameter(
                method.getName(), TYPES.computeIfAbsent(method, m -> List.of(m.getParameterTypes())), args);
    }

    /** Makes the same call on {@code statement}. */
    void applyTo(PreparedStatement statement) throws SQLException {
        Method method = SETTERS.computeIfAbsent(setter + types, key -> {
            try {
                return PreparedStatement.class.getMethod(setter, types.toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new StoreException("journal names an unknown statement setter " + key, e);
            }
        });
        try {
            method.invoke(statement, (Object[]) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new StoreException("journal setter " + setter + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new StoreException("journal setter " + setter + " is not accessible", e);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof JournalParameter p
                && setter.equals(p.setter)
                && types.equals(p.types)
                && Arrays.deepEquals(args, p.args);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * setter.hashCode() + types.hashCode()) + Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return setter + Arrays.deepToString(args);
    }
}
