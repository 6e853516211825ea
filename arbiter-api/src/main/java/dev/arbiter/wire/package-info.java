/**
 * Arbiter's wire records and their one JSON setup ({@link dev.arbiter.wire.Json}).
 *
 * <p>The records here are the shapes of the AxonFlow-compatible HTTP API (see
 * {@code reference/wire-contract.md}); they carry no behaviour beyond validating their required
 * fields. Subpackages group them by API area: {@code workflow} (the Workflow Control Plane) and
 * {@code audit}. This package holds what every area shares: the error envelopes and health.
 *
 * <p>Evolution rules: components are appended only at the end, optional fields are boxed and
 * {@code null} when absent (omitted on write), unknown properties are ignored on read. Golden JSON
 * files under {@code src/test/resources/golden} freeze the names.
 */
@NullMarked
package dev.arbiter.wire;

import org.jspecify.annotations.NullMarked;
