/**
 * Wire records of the Workflow Control Plane (contract §1): create, list and read workflows, gate
 * and complete steps, finish workflows, approve or reject steps.
 *
 * <p>Requests validate only what the contract makes required, with the contract's messages (for
 * example "workflow_name is required"); range and format rules that carry their own error code are
 * checked by the server.
 */
@NullMarked
package dev.arbiter.wire.workflow;

import org.jspecify.annotations.NullMarked;
