/**
 * Reading the audit trail: tenant-scoped search (contract §5.2) and verification of the tenant's
 * hash chain. Records are written by the operations themselves, in their own transactions.
 */
@NullMarked
package dev.arbiter.server.audit;

import org.jspecify.annotations.NullMarked;
