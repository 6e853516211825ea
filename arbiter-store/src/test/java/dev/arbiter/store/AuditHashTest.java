package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditHashTest {
    private static final Instant AT = Instant.parse("2026-02-07T10:00:00.123456Z");

    @Test
    void hash_isDeterministic_andHex() {
        AuditEntry e = Fixtures.entry("t", "wf_1", "workflow_step_gate");
        String h = AuditHash.of("audit_1", 7, AT, e, AuditHash.GENESIS);
        assertThat(h).matches("[0-9a-f]{64}").isEqualTo(AuditHash.of("audit_1", 7, AT, e, AuditHash.GENESIS));
    }

    @Test
    void hash_changesWithEveryField() {
        AuditEntry base = Fixtures.entry("t", "wf_1", "workflow_step_gate");
        List<AuditEntry> variants = List.of(
                base,
                AuditEntry.builder("t2", "wf_1", "workflow_step_gate", "allowed")
                        .build(),
                copy(base).query("changed").build(),
                copy(base).userEmail(null).build(),
                copy(base).detailsJson("{\"x\":1}").build(),
                copy(base).costUsd(new BigDecimal("0.0022")).build(),
                copy(base).tokensUsed(461L).build(),
                copy(base).policiesMatchedJson("[{}]").build());
        Set<String> hashes = new HashSet<>();
        for (AuditEntry e : variants) {
            hashes.add(AuditHash.of("audit_1", 1, AT, e, AuditHash.GENESIS));
        }
        hashes.add(AuditHash.of("audit_2", 1, AT, base, AuditHash.GENESIS));
        hashes.add(AuditHash.of("audit_1", 2, AT, base, AuditHash.GENESIS));
        hashes.add(AuditHash.of("audit_1", 1, AT.plusNanos(1000), base, AuditHash.GENESIS));
        hashes.add(AuditHash.of("audit_1", 1, AT, base, "f".repeat(64)));
        assertThat(hashes).hasSize(variants.size() + 4);
    }

    @Test
    void hash_distinguishesNullFromEmpty_andFieldBoundaries() {
        AuditEntry nullQuery =
                AuditEntry.builder("t", "r", "x", "allowed").query(null).build();
        AuditEntry emptyQuery =
                AuditEntry.builder("t", "r", "x", "allowed").query("").build();
        assertThat(AuditHash.of("a", 1, AT, nullQuery, AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of("a", 1, AT, emptyQuery, AuditHash.GENESIS));
        AuditEntry ab = AuditEntry.builder("t", "r", "x", "allowed")
                .clientId("ab")
                .userEmail("c")
                .build();
        AuditEntry abc = AuditEntry.builder("t", "r", "x", "allowed")
                .clientId("a")
                .userEmail("bc")
                .build();
        assertThat(AuditHash.of("a", 1, AT, ab, AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of("a", 1, AT, abc, AuditHash.GENESIS));
    }

    @Test
    void cost_isNormalisedToTheStoredScale_soRereadRecordsHashAlike() {
        AuditEntry written = AuditEntry.builder("t", "r", "x", "allowed")
                .costUsd(new BigDecimal("0.5"))
                .build();
        AuditEntry reread = AuditEntry.builder("t", "r", "x", "allowed")
                .costUsd(new BigDecimal("0.50000000"))
                .build();
        assertThat(AuditHash.of("a", 1, AT, written, AuditHash.GENESIS))
                .isEqualTo(AuditHash.of("a", 1, AT, reread, AuditHash.GENESIS));
    }

    private static AuditEntryBuilder copy(AuditEntry e) {
        return AuditEntry.builder(e.tenantId(), e.requestId(), e.requestType(), e.policyDecision())
                .clientId(e.clientId())
                .userEmail(e.userEmail())
                .query(e.query())
                .decisionId(e.decisionId())
                .policiesEvaluatedJson(e.policiesEvaluatedJson())
                .policiesMatchedJson(e.policiesMatchedJson())
                .detailsJson(e.detailsJson())
                .provider(e.provider())
                .model(e.model())
                .tokensUsed(e.tokensUsed())
                .costUsd(e.costUsd())
                .latencyMs(e.latencyMs());
    }
}
