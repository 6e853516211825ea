package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The running totals on the workflow row (V11) always equal a scan of the workflow's steps. */
abstract class TotalsContract implements StoreContract {

    @Test
    void runningTotals_equalScan_afterGatesRegatesAndCompletions() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, now));
            tx.steps()
                    .insert(withTool(Fixtures.step(tenant, wf, "b", 2, now), "read_secrets")
                            .withUsage(Usage.NONE));
            tx.steps()
                    .insert(withTool(Fixtures.step(tenant, wf, "c", 3, now), null)
                            .withUsage(new Usage(10L, null, new BigDecimal("1.5"))));
            return null;
        });
        assertThat(matchesScan(tenant, wf).toolsUsed()).containsExactly("http_post", "read_secrets");

        // Re-gate of a: new estimates and a new tool; nothing else uses http_post any more.
        db().inTransaction((Tx tx) -> {
            StepRecord a = tx.steps().find(tenant, wf, "a").orElseThrow();
            tx.steps().update(withTool(a, "read_secrets").withUsage(new Usage(50L, 60L, new BigDecimal("0.01"))));
            return null;
        });
        assertThat(matchesScan(tenant, wf).toolsUsed()).containsExactly("read_secrets");

        // Completions overwrite the estimates field by field; a re-gate gives c an awkward tool name.
        db().inTransaction((Tx tx) -> {
            StepRecord b = tx.steps().find(tenant, wf, "b").orElseThrow();
            tx.steps().update(b.withUsage(b.usage().overwrittenBy(new Usage(1000L, 2000L, new BigDecimal("0.25")))));
            StepRecord a = tx.steps().find(tenant, wf, "a").orElseThrow();
            tx.steps().update(a.withUsage(a.usage().overwrittenBy(new Usage(null, 5L, null))));
            StepRecord c = tx.steps().find(tenant, wf, "c").orElseThrow();
            tx.steps().update(withTool(c, "shell\\exec\nnow"));
            tx.steps().insert(Fixtures.step(tenant, wf, "d", 4, now).withUsage(Usage.NONE));
            assertThat(tx.steps().update(Fixtures.step(tenant, wf, "ghost", 9, now)))
                    .isFalse();
            return null;
        });
        WorkflowTotals totals = matchesScan(tenant, wf);
        assertThat(totals.costUsd()).isEqualByComparingTo("1.76");
        assertThat(totals.tokensIn()).isEqualTo(1060);
        assertThat(totals.tokensOut()).isEqualTo(2005);
        assertThat(totals.stepCount()).isEqualTo(4);
        assertThat(totals.toolsUsed()).containsExactly("http_post", "read_secrets", "shell\\exec\nnow");
    }

    @Test
    void runningTotals_underTheWorkflowLock_followEveryWriteOfTheTransaction() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(withTool(Fixtures.step(tenant, wf, "a", 1, now), "read_secrets"));
            return null;
        });
        // As a gate does: lock, read the totals (from the locked row, not read again), write steps, read again.
        WorkflowTotals inside = db().inTransaction((Tx tx) -> {
            tx.workflows().lockForUpdate(tenant, wf).orElseThrow();
            WorkflowTotals before = tx.steps().totals(tenant, wf);
            assertThat(before.stepCount()).isEqualTo(1);
            assertThat(before.toolsUsed()).containsExactly("read_secrets");
            tx.steps()
                    .insert(withTool(Fixtures.step(tenant, wf, "b", 2, now), "http_post")
                            .withUsage(new Usage(7L, 3L, new BigDecimal("0.5"))));
            StepRecord a = tx.steps().find(tenant, wf, "a").orElseThrow();
            tx.steps().update(withTool(a, "shell").withUsage(new Usage(1L, 1L, new BigDecimal("0.25"))));
            return tx.steps().totals(tenant, wf);
        });
        assertThat(inside.stepCount()).isEqualTo(2);
        assertThat(inside.toolsUsed()).containsExactly("http_post", "shell");
        assertThat(inside.tokensIn()).isEqualTo(8);
        assertThat(inside.costUsd()).isEqualByComparingTo("0.75");
        assertThat(matchesScan(tenant, wf)).isEqualTo(inside);
    }

    @Test
    void runningTotals_beyondToolBound_listToolsFromScan() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        int count = ToolNames.MAX + 6;
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            for (int i = 1; i <= count; i++) {
                tx.steps().insert(withTool(Fixtures.step(tenant, wf, "s" + i, i, now), "tool_" + i));
            }
            return null;
        });
        WorkflowTotals totals = matchesScan(tenant, wf);
        assertThat(totals.toolsUsed()).hasSize(count).isSorted();
        assertThat(totals.stepCount()).isEqualTo(count);
    }

    @Test
    void backfill_rebuildsTotals_ofWorkflowsWrittenBeforeV11() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, now));
            tx.steps().insert(withTool(Fixtures.step(tenant, wf, "b", 2, now), "back\\slash\nline"));
            tx.steps().insert(withTool(Fixtures.step(tenant, wf, "c", 3, now), null));
            // What a database migrated to V11 with these steps already present looks like before the backfill.
            tx.handle()
                    .createUpdate("UPDATE workflows SET total_cost_usd = 0, total_tokens_in = 0,"
                            + " total_tokens_out = 0, step_count = 0, tools_used = '' WHERE workflow_id = :wf")
                    .bind("wf", wf)
                    .execute();
            assertThat(tx.steps().totals(tenant, wf)).isEqualTo(WorkflowTotals.EMPTY);
            tx.handle().createUpdate(backfill()).execute();
            return null;
        });
        WorkflowTotals totals = matchesScan(tenant, wf);
        assertThat(totals.stepCount()).isEqualTo(3);
        assertThat(totals.toolsUsed()).containsExactly("back\\slash\nline", "http_post");
    }

    /** Asserts the row totals equal the scan in a fresh transaction and returns them. */
    private WorkflowTotals matchesScan(String tenant, String wf) {
        return db().inTransaction((Tx tx) -> {
            WorkflowTotals row = tx.steps().totals(tenant, wf);
            assertThat(row).isEqualTo(tx.steps().scanTotals(tenant, wf));
            return row;
        });
    }

    private static StepRecord withTool(StepRecord s, @Nullable String tool) {
        StepRequest r = s.request();
        return s.withRequest(
                s.stepName(),
                s.stepType(),
                new StepRequest(
                        r.stepInputJson(),
                        r.inputHash(),
                        r.model(),
                        r.provider(),
                        tool,
                        tool == null ? null : r.toolType(),
                        null,
                        r.idempotencyKey()));
    }

    /** The backfill UPDATE of the V11 migration, verbatim. */
    private static String backfill() {
        try (InputStream in = TotalsContract.class.getResourceAsStream("/db/migration/V11__workflow_totals.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>(List.of(sql.split(";")));
            return statements.stream()
                    .filter(st -> st.contains("UPDATE workflows"))
                    .findFirst()
                    .orElseThrow()
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
