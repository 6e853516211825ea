/**
 * Wire records of policy management: the dynamic (tenant) policy API (contract §2.1, §2.5), the static
 * policy API (§2.4), and Arbiter's own rollout endpoints (rollback, simulation).
 *
 * <p>Create and update bodies are read as generic JSON objects by the server, because they may be in the
 * canonical form or the documented shorthand; these records describe what the server answers. On
 * AxonFlow-compatible routes errors use {@link dev.arbiter.wire.policy.PolicyErrorResponse} (dynamic) and
 * {@link dev.arbiter.wire.policy.StaticPolicyErrorResponse} (static); Arbiter-native routes answer
 * {@link dev.arbiter.wire.Problem}.
 */
@NullMarked
package dev.arbiter.wire.policy;

import org.jspecify.annotations.NullMarked;
