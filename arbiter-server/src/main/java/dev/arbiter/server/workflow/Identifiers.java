package dev.arbiter.server.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arbiter.wire.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every identifier the Workflow Control Plane hands out. Thread-safe.
 *
 * <ul>
 *   <li>Workflow ids: {@code wf_} and 26 base32 characters (128 random bits), so ids never collide,
 *       unlike AxonFlow's 8 hex characters.
 *   <li>Decision ids: {@code dec_<workflow_id>_<step_id>} (contract §1.6).
 *   <li>Approval ids: UUIDv5 in AxonFlow's namespace of {@code <workflow_id>:<step_id>}, with
 *       {@code #<gate_count>} appended when the approval is asked for by a later gate call of the same
 *       step (contract §1.8), so each pending approval of a step has its own id.
 * </ul>
 */
public final class Identifiers {
    private static final UUID APPROVAL_NAMESPACE = UUID.fromString("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final ObjectMapper CANONICAL =
            Json.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Supplier<String> workflowIds;

    /** Identifiers with random workflow ids. */
    public Identifiers() {
        this(randomWorkflowIds());
    }

    /** Identifiers with the given workflow ids, for deterministic tests. */
    public Identifiers(Supplier<String> workflowIds) {
        this.workflowIds = workflowIds;
    }

    /** A new workflow id. */
    public String workflowId() {
        return workflowIds.get();
    }

    /** The decision id of a step's gate. */
    public static String decisionId(String workflowId, String stepId) {
        return "dec_" + workflowId + "_" + stepId;
    }

    /** The approval id of a step's approval asked for at gate call {@code gateCount}. */
    public static String approvalId(String workflowId, String stepId, int gateCount) {
        String name = workflowId + ":" + stepId + (gateCount > 1 ? "#" + gateCount : "");
        return uuid5(APPROVAL_NAMESPACE, name).toString();
    }

    /**
     * A fingerprint of what a step is asked to do (its input and its tool call), independent of key
     * order: an approval or a cached decision covers exactly this input.
     */
    public static String inputHash(@Nullable Map<String, @Nullable Object> stepInput, @Nullable Object toolContext) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(new Object[] {stepInput, toolContext});
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a parsed JSON input", e);
        }
    }

    private static Supplier<String> randomWorkflowIds() {
        SecureRandom random = new SecureRandom();
        return () -> {
            StringBuilder id = new StringBuilder("wf_");
            for (int i = 0; i < 26; i++) {
                id.append(BASE32[random.nextInt(BASE32.length)]);
            }
            return id.toString();
        };
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
