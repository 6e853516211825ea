package dev.arbiter.store;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Jdbi's template engine, except that a statement with no {@code <} (no {@code <attribute>} to fill in, the
 * store's every write) is used as written. Jdbi's default engine renders every statement into a new string,
 * attributes or not: under B1 that was a tenth of what Jdbi allocated per gate.
 */
final class PlainSqlTemplates implements TemplateEngine {
    private final TemplateEngine attributes;

    private PlainSqlTemplates(TemplateEngine attributes) {
        this.attributes = attributes;
    }

    /** Makes {@code jdbi} render statements this way; returns it. */
    static Jdbi install(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setTemplateEngine(new PlainSqlTemplates(statements.getTemplateEngine()));
        return jdbi;
    }

    @Override
    public String render(String template, StatementContext ctx) {
        return template.indexOf('<') < 0 ? template : attributes.render(template, ctx);
    }

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return template.indexOf('<') < 0 ? Optional.of(ctx -> template) : attributes.parse(template, config);
    }
}
