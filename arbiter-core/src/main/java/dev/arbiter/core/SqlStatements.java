package dev.arbiter.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Structural SQL risks read from a JSqlParser parse tree: stacked statements, DDL and DCL, writes without a
 * {@code WHERE}, always-true {@code OR} branches and {@code UNION}.
 *
 * <p>The parser is guarded: only text that starts like a SQL statement is parsed, at most {@value #MAX_LENGTH}
 * characters and {@value #MAX_NESTING} levels of parentheses, on a virtual thread with a
 * {@value #TIMEOUT_MILLIS} ms time-out; any parser failure means "not SQL" and never escapes. Thread-safe.
 */
final class SqlStatements {
    static final int MAX_LENGTH = 20_000;
    static final int MAX_NESTING = 24;
    static final int TIMEOUT_MILLIS = 250;
    private static final ExecutorService PARSER = Executors.newVirtualThreadPerTaskExecutor();
    private static final Set<String> STATEMENT_STARTS = Set.of(
            "select",
            "insert",
            "update",
            "delete",
            "drop",
            "create",
            "alter",
            "truncate",
            "grant",
            "revoke",
            "with",
            "merge",
            "replace",
            "exec",
            "execute",
            "call",
            "upsert");

    /** A structural risk and the keyword that locates it in the text. */
    enum Risk {
        STACKED_QUERIES(null),
        DROP(Cue.DROP),
        TRUNCATE(Cue.TRUNCATE),
        ALTER(Cue.ALTER),
        GRANT(Cue.GRANT),
        REVOKE(Cue.REVOKE),
        DELETE_WITHOUT_WHERE(Cue.DELETE),
        UPDATE_WITHOUT_WHERE(Cue.UPDATE),
        TAUTOLOGY(Cue.OR),
        UNION_SELECT(Cue.UNION);

        private final Cue cue;

        Risk(Cue cue) {
            this.cue = cue;
        }

        Optional<Cue> cue() {
            return Optional.ofNullable(cue);
        }

        String detail() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private SqlStatements() {}

    /** True when the first word (after blanks and comments) starts a SQL statement. */
    static boolean isPlausible(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        int i = skipBlanksAndComments(text, 0);
        int end = i;
        while (end < text.length() && ScanText.isAsciiLetter(text.charAt(end))) {
            end++;
        }
        return STATEMENT_STARTS.contains(text.substring(i, end).toLowerCase(Locale.ROOT));
    }

    /** The risks of {@code sql}, or empty when it does not parse (within the guards). */
    static Optional<Set<Risk>> risks(String sql) {
        if (sql.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Statements statements;
        try {
            if (CCJSqlParserUtil.getNestingDepth(sql) > MAX_NESTING) {
                return Optional.empty();
            }
            statements = CCJSqlParserUtil.parseStatements(sql, PARSER, parser -> parser.withTimeOut(TIMEOUT_MILLIS));
        } catch (JSQLParserException | RuntimeException notSql) {
            return Optional.empty();
        }
        if (statements == null || statements.isEmpty()) {
            return Optional.empty();
        }
        Set<Risk> risks = EnumSet.noneOf(Risk.class);
        if (statements.size() > 1) {
            risks.add(Risk.STACKED_QUERIES);
        }
        for (Statement statement : statements) {
            inspect(statement, risks);
        }
        return Optional.of(risks);
    }

    private static void inspect(Statement statement, Set<Risk> risks) {
        switch (statement) {
            case Drop drop -> risks.add(Risk.DROP);
            case Truncate truncate -> risks.add(Risk.TRUNCATE);
            case Alter alter -> risks.add(Risk.ALTER);
            case Grant grant -> risks.add(Risk.GRANT);
            case Revoke revoke -> risks.add(Risk.REVOKE);
            case Delete delete -> inspectWrite(delete.getWhere(), Risk.DELETE_WITHOUT_WHERE, risks);
            case Update update -> inspectWrite(update.getWhere(), Risk.UPDATE_WITHOUT_WHERE, risks);
            case Select select -> inspectSelect(select, risks);
            default -> {}
        }
    }

    /** A write whose condition is missing or always true touches every row. */
    private static void inspectWrite(Expression where, Risk unbounded, Set<Risk> risks) {
        if (where == null || isAlwaysTrue(where)) {
            risks.add(unbounded);
        } else if (hasTrueBranch(where)) {
            risks.add(Risk.TAUTOLOGY);
        }
    }

    private static void inspectSelect(Select select, Set<Risk> risks) {
        switch (select) {
            case PlainSelect plain -> {
                if (plain.getWhere() != null && hasTrueBranch(plain.getWhere())) {
                    risks.add(Risk.TAUTOLOGY);
                }
            }
            case SetOperationList list -> {
                for (SetOperation operation : list.getOperations()) {
                    if (operation instanceof UnionOp) {
                        risks.add(Risk.UNION_SELECT);
                    }
                }
                list.getSelects().forEach(s -> inspectSelect(s, risks));
            }
            case ParenthesedSelect parenthesed -> inspectSelect(parenthesed.getSelect(), risks);
            default -> {}
        }
    }

    /** An {@code OR} with an always-true side ({@code OR 1=1}); a plain {@code WHERE 1=1 AND ...} is common. */
    private static boolean hasTrueBranch(Expression e) {
        return switch (e) {
            case OrExpression or ->
                isAlwaysTrue(or.getLeftExpression())
                        || isAlwaysTrue(or.getRightExpression())
                        || hasTrueBranch(or.getLeftExpression())
                        || hasTrueBranch(or.getRightExpression());
            case AndExpression and -> hasTrueBranch(and.getLeftExpression()) || hasTrueBranch(and.getRightExpression());
            case ParenthesedExpressionList<?> list -> list.size() == 1 && hasTrueBranch(list.get(0));
            default -> false;
        };
    }

    static boolean isAlwaysTrue(Expression e) {
        return switch (e) {
            case EqualsTo eq -> sameValue(eq.getLeftExpression(), eq.getRightExpression());
            case BooleanValue b -> b.getValue();
            case LongValue number -> number.getValue() != 0;
            case OrExpression or -> isAlwaysTrue(or.getLeftExpression()) || isAlwaysTrue(or.getRightExpression());
            case ParenthesedExpressionList<?> list -> list.size() == 1 && isAlwaysTrue(list.get(0));
            default -> false;
        };
    }

    private static boolean sameValue(Expression left, Expression right) {
        boolean literals = (left instanceof LongValue || left instanceof StringValue || left instanceof DoubleValue)
                && (right instanceof LongValue || right instanceof StringValue || right instanceof DoubleValue);
        boolean columns = left instanceof Column && right instanceof Column;
        return (literals || columns) && literal(left).equals(literal(right));
    }

    private static String literal(Expression e) {
        return e instanceof StringValue s ? s.getValue() : e.toString().toLowerCase(Locale.ROOT);
    }

    static int skipBlanksAndComments(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("--", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
