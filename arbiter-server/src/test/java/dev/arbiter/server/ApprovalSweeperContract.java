package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.arbiter.store.MutableClock;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The background approval sweeper, with a 10-second timeout (so it sweeps every second) on a clock the
 * tests move: overdue approvals are written and audited with no request touching them, and sweeps that
 * run at once, as on several replicas, expire each approval exactly once.
 */
abstract class ApprovalSweeperContract extends ServerContract {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.standard();

    @Override
    Clock clock() {
        return clock;
    }

    @Override
    ServerConfig configure(ServerConfig base) {
        return ApprovalFixtures.withDeployPolicy(base, dataDir).withApprovalTimeout(TIMEOUT);
    }

    @Test
    void backgroundSweep_expiresAndAuditsOverdueApprovals_withoutAnyRequest() throws SQLException {
        String id = ApprovalFixtures.pendingDeploy(api, "sweep-background");
        assertThat(ApprovalFixtures.storedStatus(this, id)).isEqualTo("pending");
        clock.advance(TIMEOUT);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        assertThat(ApprovalFixtures.storedStatus(this, id)).isEqualTo("expired"));
        assertThat(ApprovalFixtures.types(api, id))
                .containsExactly("workflow_step_expired", "workflow_step_gate", "workflow_created");
    }

    @Test
    void concurrentSweeps_expireEachApprovalOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(ApprovalFixtures.pendingDeploy(api, "sweep-concurrent-" + i));
        }
        clock.advance(TIMEOUT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(() -> app.approvalSweeper().sweep());
            }
            int expired = 0;
            for (Future<Integer> sweep : pool.invokeAll(sweeps)) {
                expired += sweep.get();
            }
            // The background sweeper may have taken some; together nobody expired one twice.
            assertThat(expired).isLessThanOrEqualTo(ids.size());
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(ApprovalFixtures.storedStatus(this, id)).isEqualTo("expired");
            assertThat(ApprovalFixtures.types(api, id).stream().filter("workflow_step_expired"::equals))
                    .as("expiry records of %s", id)
                    .hasSize(1);
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("valid").asBoolean())
                .as("the hash chain survived the concurrent appends")
                .isTrue();
    }
}
