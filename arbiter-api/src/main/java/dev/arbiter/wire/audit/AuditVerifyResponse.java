package dev.arbiter.wire.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of checking a tenant's hash-chained audit log ({@code GET /api/v1/audit/verify}, an
 * Arbiter addition to the contract).
 *
 * @param tenantId the tenant whose chain was checked
 * @param valid true when every record links to its predecessor and its hash matches its content
 * @param recordsChecked how many records were read
 * @param firstBrokenId the first record whose link or hash is wrong, when invalid
 * @param firstBrokenSequence that record's position in the chain, when invalid
 * @param problem what is wrong with it, when invalid
 */
public record AuditVerifyResponse(
        String tenantId,
        boolean valid,
        long recordsChecked,
        @Nullable String firstBrokenId,
        @Nullable Long firstBrokenSequence,
        @Nullable String problem) {}
