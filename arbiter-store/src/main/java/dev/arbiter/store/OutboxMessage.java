package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queued unit of background work (approval expiry, webhook delivery), claimed by one worker at a time.
 *
 * @param id sequence-assigned id
 * @param tenantId the tenant it belongs to
 * @param topic the queue, e.g. {@code webhook}
 * @param payloadJson the work item as JSON text
 * @param attempts claims so far (1 while being worked on for the first time)
 * @param availableAt when it may be claimed next (the lease end while claimed)
 * @param createdAt enqueue time
 * @param lastError the last failure reported, or {@code null}
 */
public record OutboxMessage(
        long id,
        String tenantId,
        String topic,
        String payloadJson,
        int attempts,
        Instant availableAt,
        Instant createdAt,
        @Nullable String lastError) {
    public OutboxMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
