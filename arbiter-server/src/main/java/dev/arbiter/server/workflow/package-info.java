/**
 * The Workflow Control Plane: workflows, step gates, step completion, approvals, and the audit
 * records they write in the same transaction. Services here are called by thin HTTP handlers and
 * take the caller's {@link dev.arbiter.server.auth.Principal} for tenant scoping.
 */
@NullMarked
package dev.arbiter.server.workflow;

import org.jspecify.annotations.NullMarked;
