package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F2 per entity type on presidio-research's labelled synthetic sentences
 * ({@code ../shared/data/pii/presidio-synth-dataset-v2.json}, beside the project on the team's machines and in CI).
 * Skipped with a message where the file is absent, so a plain clone passes.
 *
 * <p>A prediction is a true positive when it overlaps a labelled span of its type; a labelled span is found when
 * some prediction of its type overlaps it. Figures are recorded in {@code docs/benchmarks.md}.
 */
class PiiAccuracyTest {
    private static final String FILE = "presidio-synth-dataset-v2.json";
    private static final Map<String, FindingType> LABELS = labels();
    private static final Map<String, Score> SCORES = new LinkedHashMap<>();

    /** Counts for one entity type. */
    record Score(int gold, int found, int predicted, int correct, List<String> misses, List<String> falseAlarms) {
        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return gold == 0 ? 1 : (double) found / gold;
        }

        double f2() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
        }
    }

    @BeforeAll
    static void evaluate() throws IOException {
        Optional<Path> data = dataset();
        assumeTrue(
                data.isPresent(),
                "PII accuracy skipped: " + FILE + " not found in ../shared/data/pii or ../../shared/data/pii");
        JsonNode samples = new ObjectMapper().readTree(data.get().toFile());
        ContentScanner scanner = ContentScanner.defaults();
        Map<String, List<int[]>> counts = new LinkedHashMap<>();
        Map<String, List<String>> misses = new LinkedHashMap<>();
        Map<String, List<String>> alarms = new LinkedHashMap<>();
        LABELS.keySet().forEach(label -> {
            counts.put(label, new ArrayList<>(List.of(new int[4])));
            misses.put(label, new ArrayList<>());
            alarms.put(label, new ArrayList<>());
        });
        for (JsonNode sample : samples) {
            String text = sample.get("full_text").asText();
            List<Finding> findings = scanner.scan(text);
            for (Map.Entry<String, FindingType> label : LABELS.entrySet()) {
                int[] c = counts.get(label.getKey()).get(0);
                List<int[]> gold = new ArrayList<>();
                for (JsonNode span : sample.get("spans")) {
                    if (span.get("entity_type").asText().equals(label.getKey())) {
                        gold.add(new int[] {
                            span.get("start_position").asInt(),
                            span.get("end_position").asInt()
                        });
                    }
                }
                List<Finding> predicted = findings.stream()
                        .filter(f -> f.type() == label.getValue())
                        .toList();
                c[0] += gold.size();
                c[2] += predicted.size();
                for (int[] g : gold) {
                    if (predicted.stream().anyMatch(f -> overlaps(f, g))) {
                        c[1]++;
                    } else {
                        misses.get(label.getKey()).add(text.substring(g[0], g[1]) + "  <<  " + oneLine(text));
                    }
                }
                for (Finding f : predicted) {
                    if (gold.stream().anyMatch(g -> overlaps(f, g))) {
                        c[3]++;
                    } else {
                        alarms.get(label.getKey()).add(f.text(text) + "  <<  " + oneLine(text));
                    }
                }
            }
        }
        counts.forEach((label, c) -> SCORES.put(
                label,
                new Score(c.get(0)[0], c.get(0)[1], c.get(0)[2], c.get(0)[3], misses.get(label), alarms.get(label))));
        printTable(samples.size());
    }

    @Test
    void checksumTypes_reachPrecisionAndRecallOf95Percent() {
        for (String label : List.of("CREDIT_CARD", "IBAN_CODE", "US_SSN")) {
            Score score = SCORES.get(label);
            assertThat(score.precision()).as(label + " precision").isGreaterThanOrEqualTo(0.95);
            assertThat(score.recall()).as(label + " recall").isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void emailAndIp_areFoundPrecisely() {
        for (String label : List.of("EMAIL_ADDRESS", "IP_ADDRESS")) {
            Score score = SCORES.get(label);
            assertThat(score.precision()).as(label + " precision").isGreaterThanOrEqualTo(0.95);
            assertThat(score.recall()).as(label + " recall").isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void phone_isPreciseEvenWhereRecallIsLimited() {
        assertThat(SCORES.get("PHONE_NUMBER").precision()).isGreaterThanOrEqualTo(0.9);
    }

    private static void printTable(int samples) {
        StringBuilder table = new StringBuilder("\nPII accuracy on " + FILE + " (" + samples + " samples)\n");
        table.append(String.format(
                Locale.ROOT,
                "%-14s %5s %5s %5s %9s %7s %6s%n",
                "type",
                "gold",
                "pred",
                "hit",
                "precision",
                "recall",
                "F2"));
        SCORES.forEach((label, s) -> table.append(String.format(
                Locale.ROOT,
                "%-14s %5d %5d %5d %9.3f %7.3f %6.3f%n",
                label,
                s.gold(),
                s.predicted(),
                s.found(),
                s.precision(),
                s.recall(),
                s.f2())));
        SCORES.forEach((label, s) -> {
            s.misses()
                    .forEach(m -> table.append("  miss  ")
                            .append(label)
                            .append(": ")
                            .append(m)
                            .append('\n'));
            s.falseAlarms()
                    .forEach(m -> table.append("  false ")
                            .append(label)
                            .append(": ")
                            .append(m)
                            .append('\n'));
        });
        System.out.println(table);
    }

    private static boolean overlaps(Finding f, int[] span) {
        return f.start() < span[1] && span[0] < f.end();
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 110 ? line.substring(0, 110) + "..." : line;
    }

    private static Optional<Path> dataset() {
        return Stream.of("../shared/data/pii", "../../shared/data/pii")
                .map(dir -> Path.of(dir, FILE))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private static Map<String, FindingType> labels() {
        Map<String, FindingType> labels = new LinkedHashMap<>();
        labels.put("CREDIT_CARD", FindingType.CREDIT_CARD);
        labels.put("IBAN_CODE", FindingType.IBAN);
        labels.put("US_SSN", FindingType.US_SSN);
        labels.put("EMAIL_ADDRESS", FindingType.EMAIL);
        labels.put("PHONE_NUMBER", FindingType.PHONE);
        labels.put("IP_ADDRESS", FindingType.IP_ADDRESS);
        return labels;
    }
}
