package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicySet;
import dev.arbiter.core.PolicyValidationException;
import dev.arbiter.store.Database;
import dev.arbiter.store.StoredPolicy;
import dev.arbiter.wire.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads {@code ARBITER_POLICY_FILE} into the store at start: JSON or YAML, a list of policies or
 * {@code {"policies": [...]}}, each in the canonical AxonFlow form or the documented shorthand.
 *
 * <p>Policies go to the {@code global} tenant, so they apply to every tenant (community and each
 * enterprise tenant alike); tenant-specific policies come through the policy API. Loading is
 * idempotent: a policy is matched by name and rewritten only when its definition changed. The whole
 * file is validated before anything is stored, so a file with one bad policy changes nothing and the
 * server refuses to start with every problem listed. Stateless.
 */
public final class PolicyFileLoader {
    /** The tenant file policies are stored under. */
    public static final String TENANT = dev.arbiter.store.Policies.GLOBAL_TENANT;

    private PolicyFileLoader() {}

    /** Validates and stores the file's policies; returns how many the file holds. */
    public static int load(Path file, Database database) {
        List<Policy> policies = parse(file);
        List<String> definitions = new ArrayList<>();
        for (Policy policy : policies) {
            try {
                definitions.add(Json.mapper().writeValueAsString(PolicyParser.toCanonicalMap(policy)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write policy " + policy.id() + " as JSON", e);
            }
        }
        database.inTransaction(tx -> {
            for (int i = 0; i < policies.size(); i++) {
                Policy policy = policies.get(i);
                StoredPolicy stored = tx.policies()
                        .putByName(
                                TENANT,
                                policy.name(),
                                definitions.get(i),
                                policy.enabled(),
                                policy.priority(),
                                policy.mode().wireName(),
                                "policy-file:" + file.getFileName());
                if (stored.version() < 1) {
                    throw new IllegalStateException("store returned a policy without a version");
                }
            }
            return null;
        });
        return policies.size();
    }

    /** The file's policies, validated; a {@link ConfigException} lists every problem. */
    static List<Policy> parse(Path file) {
        JsonNode root = read(file);
        JsonNode list = root.isObject() && root.has("policies") ? root.get("policies") : root;
        if (!list.isArray()) {
            throw new ConfigException(List.of("ARBITER_POLICY_FILE: " + file
                    + " must hold a list of policies or an object with a 'policies' list"));
        }
        List<Policy> policies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                problems.add("ARBITER_POLICY_FILE: policies[" + i + "] must be an object");
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> document = Json.mapper().convertValue(node, Map.class);
                policies.add(PolicyParser.parse(document));
            } catch (PolicyValidationException e) {
                for (FieldError error : e.errors()) {
                    problems.add("ARBITER_POLICY_FILE: policies[" + i + "]"
                            + (error.field().isEmpty() ? "" : "." + error.field()) + ": " + error.message());
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                PolicySet.compile(policies);
            } catch (PolicyValidationException e) {
                e.errors().forEach(error -> problems.add("ARBITER_POLICY_FILE: " + error));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return policies;
    }

    private static JsonNode read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? Json.mapper() : new ObjectMapper(new YAMLFactory());
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(List.of("ARBITER_POLICY_FILE: " + file + " is empty"));
            }
            return root;
        } catch (IOException e) {
            String message = e.getMessage() == null
                    ? "unreadable"
                    : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException(List.of("ARBITER_POLICY_FILE: cannot parse " + file + ": " + message));
        }
    }
}
