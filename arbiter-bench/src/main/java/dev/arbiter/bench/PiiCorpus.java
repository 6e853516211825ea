package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds benchmark text of a given size (benchmarks.md B4): the presidio-research sentences as JSON chat
 * messages, mixed with log-line filler that holds no PII. The dataset sits beside the project only on the
 * team's machines; without it a small built-in sentence set stands in, and a note says so.
 */
final class PiiCorpus {
    private static final List<Path> DATASET_LOCATIONS = List.of(
            Path.of("../shared/data/pii/presidio-synth-dataset-v2.json"),
            Path.of("../../shared/data/pii/presidio-synth-dataset-v2.json"));
    private static final List<String> FALLBACK_SENTENCES = List.of(
            "Please wire the refund to IBAN DE89 3704 0044 0532 0130 00 before Friday.",
            "My card 4111 1111 1111 1111 was charged twice, call me at (415) 555-0132.",
            "Contact jane.doe@example.com about SSN 123-45-6789 and the server at 10.20.30.40.",
            "The meeting moved to Tuesday afternoon; bring the draft agenda and the budget sheet.");

    private PiiCorpus() {}

    static List<String> sentences() {
        for (Path location : DATASET_LOCATIONS) {
            if (Files.isRegularFile(location)) {
                try {
                    List<String> sentences = new ArrayList<>();
                    for (JsonNode sample : new ObjectMapper().readTree(location.toFile())) {
                        sentences.add(sample.path("full_text").asText());
                    }
                    return sentences;
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + location, e);
                }
            }
        }
        System.err.println("note: ../shared/data/pii not found; using " + FALLBACK_SENTENCES.size()
                + " built-in sentences instead of the presidio-research dataset");
        return FALLBACK_SENTENCES;
    }

    /** About {@code bytes} characters: one JSON message per sentence, each followed by two log lines. */
    static String mixed(int bytes) {
        List<String> sentences = sentences();
        StringBuilder text = new StringBuilder(bytes + 512);
        int i = 0;
        while (text.length() < bytes) {
            String sentence =
                    sentences.get(i % sentences.size()).replace("\"", "'").replace("\n", " ");
            text.append("{\"role\":\"user\",\"content\":\"").append(sentence).append("\"}\n");
            text.append("2026-11-21T10:15:")
                    .append(10 + i % 50)
                    .append(".123Z INFO http request_id=req-")
                    .append(i)
                    .append(" method=POST path=/api/v1/workflows/wf/steps/s/gate status=200 latency_ms=")
                    .append(i % 17)
                    .append('\n');
            text.append("2026-11-21T10:15:")
                    .append(10 + i % 50)
                    .append(".456Z DEBUG policy evaluated=100 matched=0 cache=hit tenant=community\n");
            i++;
        }
        text.setLength(bytes);
        return text.toString();
    }

    /** Adversarial: digits and spaces only, so every digit run is a candidate card or SSN. */
    static String digits(int bytes) {
        StringBuilder text = new StringBuilder(bytes);
        for (int i = 0; text.length() < bytes; i++) {
            text.append((char) ('0' + (i * 7 + i / 13) % 10));
            if (i % 23 == 22) {
                text.append(' ');
            }
        }
        text.setLength(bytes);
        return text.toString();
    }

    /** Adversarial: one long run of {@code a} with a single {@code @} in the middle (email scanners). */
    static String oneAtSign(int bytes) {
        StringBuilder text = new StringBuilder("a".repeat(bytes));
        text.setCharAt(bytes / 2, '@');
        return text.toString();
    }
}
