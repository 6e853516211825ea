/**
 * Wire records of the audit API (contract §5): search requests and responses, entries, and the
 * chain verification report.
 */
@NullMarked
package dev.arbiter.wire.audit;

import org.jspecify.annotations.NullMarked;
