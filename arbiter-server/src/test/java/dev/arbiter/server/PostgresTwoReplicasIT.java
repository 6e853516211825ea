package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.store.EmbeddedPostgresSupport;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Two server instances on one PostgreSQL database: a policy change made through one is enforced by the other
 * at its very next gate, without waiting for any cache to expire.
 */
@DisabledIfSystemProperty(named = EmbeddedPostgresSupport.SKIP_PROPERTY, matches = "true")
class PostgresTwoReplicasIT extends ServerContract {
    private Application second;
    private Client replica;

    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }

    @BeforeAll
    void startSecondReplica() {
        second = Application.create(config, Clock.systemUTC()).start();
        replica = new Client("http://127.0.0.1:" + second.port());
    }

    @AfterAll
    void stopSecondReplica() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void changeOnOneReplica_isEnforcedByTheOtherAtItsNextGate() {
        String wf = replica.createWorkflow("replicated");
        // The replica compiles and caches the (empty) policy set with this gate.
        assertThat(replica.gate(wf, "s1", PolicyEnforcementContract.toolGate("rm"))
                        .text("decision"))
                .isEqualTo("allow");

        String id = api.post("/api/v1/tenant-policies", PolicyEnforcementContract.blockTool("rm", "enforce"))
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
        Reply blocked =
                replica.gate(wf, "s2", PolicyEnforcementContract.toolGate("rm")).expect(200);
        assertThat(blocked.text("decision")).isEqualTo("block");
        assertThat(blocked.json().path("policy_ids").get(0).asText()).isEqualTo(id);

        api.send("PUT", "/api/v1/tenant-policies/" + id, "{\"mode\": \"shadow\"}")
                .expect(200);
        Reply shadowed =
                replica.gate(wf, "s3", PolicyEnforcementContract.toolGate("rm")).expect(200);
        assertThat(shadowed.text("decision")).isEqualTo("allow");
        assertThat(shadowed.json()
                        .path("shadow_matches")
                        .get(0)
                        .path("policy_id")
                        .asText())
                .isEqualTo(id);

        // And the other way round: a rollback made on the replica is enforced by the first instance.
        replica.post("/api/v1/tenant-policies/" + id + "/rollback", Map.of("version", 1))
                .expect(200);
        assertThat(api.gate(wf, "s4", PolicyEnforcementContract.toolGate("rm")).text("decision"))
                .isEqualTo("block");
    }
}
