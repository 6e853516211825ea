package dev.arbiter.store;

import java.util.Objects;

/** The result of checking one tenant's audit hash chain. */
public sealed interface ChainVerification {
    /** The tenant checked. */
    String tenantId();

    /** True for {@link Intact}. */
    default boolean ok() {
        return this instanceof Intact;
    }

    /**
     * Every record is present, in order, and hashes to what is stored.
     *
     * @param tenantId the tenant
     * @param records number of records checked
     * @param headHash hash of the last record (64 zeros when there are none)
     */
    record Intact(String tenantId, long records, String headHash) implements ChainVerification {
        public Intact {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(headHash, "headHash");
        }
    }

    /**
     * The first broken link.
     *
     * @param tenantId the tenant
     * @param seq the sequence number where the chain breaks (for a deleted record: the missing number)
     * @param recordId the id of the record found at that point, or {@code ""} if none (deleted tail)
     * @param reason why, e.g. {@code "record altered: stored hash does not match its content"}
     * @param verifiedBefore how many records verified before the break
     */
    record Broken(String tenantId, long seq, String recordId, String reason, long verifiedBefore)
            implements ChainVerification {
        public Broken {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
