package dev.arbiter.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records what the writer's connection does in a batch, for the {@link Journal}: every statement that may
 * change data (anything but a query) with the setters called on it and whether it succeeded, and every
 * savepoint, rollback to one and release. {@link #wrap} returns a connection that records into this recorder
 * and otherwise behaves exactly like the one it wraps. Not thread-safe: the writer thread owns it.
 */
final class JournalRecorder {
    private final List<JournalOp> ops = new ArrayList<>();

    /** Starts a batch: forgets whatever a previous, uncommitted one recorded. */
    void begin() {
        ops.clear();
    }

    /** What the batch did so far, in order. */
    List<JournalOp> ops() {
        return List.copyOf(ops);
    }

    /** {@code connection}, recording into this recorder. */
    Connection wrap(Connection connection) {
        return proxy(Connection.class, new ConnectionHandler(connection));
    }

    /** True for a statement that cannot change data, so that replaying it would do nothing. */
    static boolean isQuery(String sql) {
        String head = sql.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        return switch (head.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "SHOW" -> true;
            default -> false;
        };
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(JournalRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs {@code method} on {@code target} and records the statement {@code sql}, whether it succeeds or not. */
    private @Nullable Object execute(
            Object target, Method method, @Nullable Object[] args, String sql, List<JournalParameter> parameters)
            throws Throwable {
        try {
            Object result = invoke(target, method, args);
            ops.add(new JournalOp.Execute(sql, parameters, true));
            return result;
        } catch (Throwable failure) {
            ops.add(new JournalOp.Execute(sql, parameters, false));
            throw failure;
        }
    }

    /**
     * Forwards every call to {@code target} unless {@link #handle} takes it; a proxy is equal only to itself.
     */
    private abstract static class Forwarding implements InvocationHandler {
        final Object target;

        Forwarding(Object target) {
            this.target = target;
        }

        @Override
        public final @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> handle(method, args);
            };
        }

        abstract @Nullable Object handle(Method method, @Nullable Object[] args) throws Throwable;
    }

    private final class ConnectionHandler extends Forwarding {
        ConnectionHandler(Connection target) {
            super(target);
        }

        @Override
        @Nullable
        Object handle(Method method, @Nullable Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    PreparedStatement statement = (PreparedStatement) JournalRecorder.invoke(target, method, args);
                    String sql = (String) args[0];
                    return isQuery(sql)
                            ? statement
                            : proxy(PreparedStatement.class, new PreparedHandler(statement, sql));
                }
                case "createStatement" -> {
                    Statement statement = (Statement) JournalRecorder.invoke(target, method, args);
                    return proxy(Statement.class, new StatementHandler(statement));
                }
                case "setSavepoint" -> {
                    if (args == null || args.length != 1) {
                        throw new IllegalStateException("the journal records named savepoints only");
                    }
                    Object savepoint = JournalRecorder.invoke(target, method, args);
                    ops.add(new JournalOp.Savepoint((String) args[0]));
                    return savepoint;
                }
                case "rollback" -> {
                    // The name first: a driver may invalidate the savepoint object once used.
                    String name = args != null && args.length == 1 ? ((Savepoint) args[0]).getSavepointName() : null;
                    Object result = JournalRecorder.invoke(target, method, args);
                    if (name != null) {
                        ops.add(new JournalOp.RollbackTo(name));
                    }
                    return result;
                }
                case "releaseSavepoint" -> {
                    String name = ((Savepoint) args[0]).getSavepointName();
                    Object result = JournalRecorder.invoke(target, method, args);
                    ops.add(new JournalOp.Release(name));
                    return result;
                }
                case "prepareCall" ->
                    throw new IllegalStateException("the journal cannot record stored procedure calls");
                default -> {
                    return JournalRecorder.invoke(target, method, args);
                }
            }
        }
    }

    /** Records the parameters set and, on execution, the statement. */
    private final class PreparedHandler extends Forwarding {
        private final String sql;
        // By position (1-based index - 1): a setter called again for a position replaces the earlier call.
        private @Nullable JournalParameter[] parameters = new JournalParameter[16];

        PreparedHandler(PreparedStatement target, String sql) {
            super(target);
            this.sql = sql;
        }

        @Override
        @Nullable
        Object handle(Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer position
                    && position >= 1) {
                for (int i = 1; i < args.length; i++) {
                    JournalRecord.checkWritable(args[i]);
                }
                record(position, JournalParameter.of(method, args));
                return JournalRecorder.invoke(target, method, args);
            }
            switch (name) {
                case "clearParameters" -> Arrays.fill(parameters, null);
                case "addBatch", "executeBatch", "executeLargeBatch" ->
                    throw new IllegalStateException("the journal does not record statement batches");
                case "execute", "executeUpdate", "executeLargeUpdate", "executeQuery" -> {
                    if (args != null && args.length > 0) {
                        throw new IllegalStateException("the journal records prepared statements as prepared");
                    }
                    return execute(target, method, args, sql, recorded());
                }
                default -> {
                    // getters, close, getGeneratedKeys, ...
                }
            }
            return JournalRecorder.invoke(target, method, args);
        }

        private void record(int position, JournalParameter parameter) {
            if (position > parameters.length) {
                parameters = Arrays.copyOf(parameters, Math.max(position, 2 * parameters.length));
            }
            parameters[position - 1] = parameter;
        }

        /** The setters called so far, in position order, as an immutable list ({@link JournalOp.Execute} keeps it). */
        private List<JournalParameter> recorded() {
            return Arrays.stream(parameters).filter(Objects::nonNull).toList();
        }
    }

    /** Records a plain statement's SQL when it may change data. */
    private final class StatementHandler extends Forwarding {
        StatementHandler(Statement target) {
            super(target);
        }

        @Override
        @Nullable
        Object handle(Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("addBatch") || name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                throw new IllegalStateException("the journal does not record statement batches");
            }
            if (name.startsWith("execute")
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql
                    && !isQuery(sql)) {
                return execute(target, method, args, sql, List.of());
            }
            return JournalRecorder.invoke(target, method, args);
        }
    }
}
