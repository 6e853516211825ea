/**
 * The Java SDK for Arbiter, the governance control plane for AI agents: ask before each step whether
 * it may go ahead.
 *
 * <p>{@link dev.arbiter.client.ArbiterClient} is the whole HTTP API (Workflow Control Plane,
 * approvals, checkpoints, audit, policies, webhook subscriptions), each call blocking or async.
 * {@link dev.arbiter.client.WorkflowSession} is the agent loop on top of it: gate, run, report, and
 * complete or abort on close. Requests and responses are the wire records of {@code dev.arbiter.wire};
 * {@link dev.arbiter.client.Requests} builds the requests.
 *
 * <p>Failure semantics are explicit and documented on {@link dev.arbiter.client.ArbiterConfig} and
 * {@link dev.arbiter.client.FailureMode}: a per-call deadline, retries for idempotent calls only (no
 * sooner than a server's {@code Retry-After}), a circuit breaker, fail-closed gates by default, and
 * approval waits that always fail closed. Errors are the unchecked
 * {@link dev.arbiter.client.ArbiterException} hierarchy.
 *
 * <p>Depends only on {@code arbiter-api}, {@code java.net.http} and Jackson; runs on Java 17.
 */
@NullMarked
package dev.arbiter.client;

import org.jspecify.annotations.NullMarked;
