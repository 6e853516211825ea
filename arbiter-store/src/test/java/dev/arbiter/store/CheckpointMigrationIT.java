package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** V13 on a database that already holds steps: each existing step gets its own checkpoint number. */
class CheckpointMigrationIT {
    private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");

    @Test
    void v13_numbersExistingSteps_onH2() {
        check(DatabaseConfig.inMemory("v13_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    @DisabledIfSystemProperty(named = EmbeddedPostgresSupport.SKIP_PROPERTY, matches = "true")
    void v13_numbersExistingSteps_onPostgres() {
        check(EmbeddedPostgresSupport.newDatabase());
    }

    private static void check(DatabaseConfig config) {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        try (var ds = Pools.create(config, config.jdbcUrl(), null)) {
            migrate(ds, "11");
            // The step repository writes only the columns that exist before V13, so it can fill an older schema;
            // since V17 it leaves out the step's policy context, which V11 requires: the default stands in for
            // the value the code of that time wrote.
            Jdbi.create(ds)
                    .useHandle(handle ->
                            handle.execute("ALTER TABLE workflow_steps ALTER COLUMN policy_context SET DEFAULT '{}'"));
            Jdbi.create(ds)
                    .useHandle(handle -> handle.execute(
                            "ALTER TABLE workflow_steps ALTER COLUMN policy_context_truncated SET DEFAULT FALSE"));
            Jdbi.create(ds).useTransaction(handle -> {
                Tx tx = new Tx(handle, Clock.systemUTC(), new Ids(), config.dialect());
                tx.workflows().insert(Fixtures.workflow(tenant, wf, NOW));
                tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, NOW));
                tx.steps().insert(Fixtures.step(tenant, wf, "b", 2, NOW));
            });
            migrate(ds, "latest");
            List<CheckpointRecord> checkpoints = Jdbi.create(ds)
                    .inTransaction(handle -> new Tx(handle, Clock.systemUTC(), new Ids(), config.dialect())
                            .checkpoints()
                            .list(tenant, wf));
            assertThat(checkpoints).extracting(c -> c.step().stepId()).containsExactly("a", "b");
            assertThat(checkpoints).extracting(CheckpointRecord::id).doesNotHaveDuplicates();
            assertThat(checkpoints).extracting(CheckpointRecord::resumeCount).containsOnly(0);
            Jdbi.create(ds)
                    .useTransaction(handle -> new Tx(handle, Clock.systemUTC(), new Ids(), config.dialect())
                            .steps()
                            .insert(Fixtures.step(tenant, wf, "c", 3, NOW)));
            long newest = Jdbi.create(ds)
                    .inTransaction(handle -> new Tx(handle, Clock.systemUTC(), new Ids(), config.dialect())
                            .checkpoints()
                            .list(tenant, wf)
                            .get(2)
                            .id());
            assertThat(newest)
                    .as("steps inserted after the migration continue the numbering")
                    .isGreaterThan(checkpoints.get(0).id())
                    .isGreaterThan(checkpoints.get(1).id());
        }
    }

    private static void migrate(javax.sql.DataSource ds, String target) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}
