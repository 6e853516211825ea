package dev.arbiter.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.Decision;
import dev.arbiter.core.Outcome;
import dev.arbiter.core.PolicyMatch;
import dev.arbiter.wire.workflow.GateDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatePoliciesTest {
    @Test
    void map_noPolicies_isAllowWithContractReason() {
        GatePolicies.Evaluation e = GatePolicies.map(new Decision(Outcome.ALLOW, List.of(), List.of(), 0, List.of()));
        assertThat(e.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(e.reason()).isEqualTo("No policies configured");
    }

    @Test
    void map_policiesButNoMatch_isNoMatchingPolicies() {
        GatePolicies.Evaluation e = GatePolicies.map(new Decision(Outcome.ALLOW, List.of(), List.of(), 5, List.of()));
        assertThat(e.reason()).isEqualTo("No matching policies");
        assertThat(e.matched()).isEmpty();
        assertThat(e.policiesEvaluated()).isEqualTo(5);
    }

    @Test
    void map_block_usesThePolicysReason() {
        PolicyMatch match = new PolicyMatch("p1", "block-gpt4", Outcome.BLOCK, "GPT-4 not allowed", "high");
        GatePolicies.Evaluation e =
                GatePolicies.map(new Decision(Outcome.BLOCK, List.of(match), List.of(), 3, List.of()));
        assertThat(e.decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(e.reason()).isEqualTo("GPT-4 not allowed");
        assertThat(e.policyIds()).containsExactly("p1");
        assertThat(e.matched()).singleElement().satisfies(m -> {
            assertThat(m.action()).isEqualTo("block");
            assertThat(m.riskLevel()).isEqualTo("high");
        });
    }

    @Test
    void map_policyWithoutReason_getsTheContractsWords() {
        PolicyMatch block = new PolicyMatch("p1", "n1", Outcome.BLOCK, "Matched policy 'n1'", "medium");
        assertThat(GatePolicies.map(new Decision(Outcome.BLOCK, List.of(block), List.of(), 1, List.of()))
                        .reason())
                .isEqualTo("Step blocked by policy");
        PolicyMatch approval = new PolicyMatch("p2", "n2", Outcome.REQUIRE_APPROVAL, "Matched policy 'n2'", "medium");
        assertThat(GatePolicies.map(new Decision(Outcome.REQUIRE_APPROVAL, List.of(approval), List.of(), 1, List.of()))
                        .reason())
                .isEqualTo("Step requires human approval");
    }

    @Test
    void map_blockAndApprovalBothMatch_blockWins() {
        PolicyMatch approval = new PolicyMatch("a", "approve", Outcome.REQUIRE_APPROVAL, "needs a person", "low");
        PolicyMatch block = new PolicyMatch("b", "block", Outcome.BLOCK, "never", "high");
        GatePolicies.Evaluation e =
                GatePolicies.map(new Decision(Outcome.BLOCK, List.of(approval, block), List.of(), 2, List.of()));
        assertThat(e.decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(e.reason()).isEqualTo("never");
        assertThat(e.policyIds()).containsExactly("a", "b");
    }

    @Test
    void map_warnOnly_isAllowButReportsTheMatch() {
        PolicyMatch warn = new PolicyMatch("w", "watch", Outcome.WARN, "large prompt", "low");
        GatePolicies.Evaluation e =
                GatePolicies.map(new Decision(Outcome.WARN, List.of(warn), List.of(), 1, List.of()));
        assertThat(e.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(e.reason()).isEqualTo("large prompt");
        assertThat(e.applied()).hasSize(1);
        assertThat(e.matched()).as("policies_matched only when not allowed").isEmpty();
    }
}
