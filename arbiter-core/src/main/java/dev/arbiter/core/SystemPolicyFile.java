package dev.arbiter.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code system-static-policies.txt}: blocks that start with {@code [policy_id]}, followed by
 * {@code key = value} lines ({@code #} starts a comment line). Besides the policy fields, {@code hints} (repeatable)
 * and {@code min_digits} make the pattern's {@link Prefilter}, and the repeatable {@code example} and
 * {@code counter} keys document, and let tests prove, what the policy does and does not match.
 */
final class SystemPolicyFile {
    static final String RESOURCE = "system-static-policies.txt";
    private static final Set<String> KEYS = Set.of(
            "name",
            "category",
            "severity",
            "action",
            "phase",
            "priority",
            "pattern",
            "description",
            "hints",
            "validated_by",
            "min_digits",
            "example",
            "counter");

    /** One policy of the file with its pre-filter and its documented examples. */
    record Entry(StaticPolicy policy, Prefilter prefilter, List<String> examples, List<String> counters) {}

    private SystemPolicyFile() {}

    static List<Entry> load() {
        try (InputStream in = SystemPolicyFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Entry> parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String id = null;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                if (id != null) {
                    entries.add(entry(id, fields));
                }
                id = trimmed.substring(1, trimmed.length() - 1);
                fields = new LinkedHashMap<>();
                continue;
            }
            int equals = line.indexOf(" = ");
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            if (id == null || !KEYS.contains(key)) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected [id] or key = value");
            }
            fields.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(line.substring(equals + 3).strip());
        }
        if (id != null) {
            entries.add(entry(id, fields));
        }
        return entries;
    }

    private static Entry entry(String id, Map<String, List<String>> fields) {
        StaticPolicy policy = new StaticPolicy(
                id,
                one(id, fields, "name"),
                one(id, fields, "category"),
                StaticPolicy.Tier.SYSTEM,
                one(id, fields, "pattern"),
                StaticPolicy.Severity.fromWireName(one(id, fields, "severity")).orElseThrow(() -> bad(id, "severity")),
                Outcome.fromWireName(one(id, fields, "action")).orElseThrow(() -> bad(id, "action")),
                Phase.fromWireName(one(id, fields, "phase")).orElseThrow(() -> bad(id, "phase")),
                Integer.parseInt(one(id, fields, "priority")),
                true,
                one(id, fields, "description"),
                validators(fields.getOrDefault("validated_by", List.of())));
        List<String> minDigits = fields.getOrDefault("min_digits", List.of());
        Prefilter prefilter =
                Prefilter.parse(fields.getOrDefault("hints", List.of()), minDigits.isEmpty() ? "" : minDigits.get(0));
        return new Entry(
                policy,
                prefilter,
                fields.getOrDefault("example", List.of()),
                fields.getOrDefault("counter", List.of()));
    }

    private static Set<FindingType> validators(List<String> names) {
        Set<FindingType> types = EnumSet.noneOf(FindingType.class);
        names.forEach(n -> types.add(FindingType.valueOf(n.strip())));
        return types;
    }

    private static String one(String id, Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        if (values == null || values.size() != 1) {
            throw new IllegalStateException(RESOURCE + " [" + id + "]: needs exactly one " + key);
        }
        return values.get(0);
    }

    private static IllegalStateException bad(String id, String key) {
        return new IllegalStateException(RESOURCE + " [" + id + "]: unknown " + key);
    }
}
