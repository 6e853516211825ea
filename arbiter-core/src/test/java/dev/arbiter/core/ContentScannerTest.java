package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentScannerTest {
    private static final String MIXED = "Hi, I'm Ann (ann@example.com, SSN 123-45-6789). Card 4111 1111 1111 1111. "
            + "Run `rm -rf /` then SELECT * FROM users WHERE id = 1 OR 1=1 with key AKIAIOSFODNN7EXAMPLE.";

    @Test
    void scan_reportsEveryKindNonOverlappingAndSorted() {
        List<Finding> findings = ContentScanner.defaults().scan(MIXED);
        assertThat(findings)
                .extracting(Finding::type)
                .containsExactly(
                        FindingType.EMAIL,
                        FindingType.US_SSN,
                        FindingType.CREDIT_CARD,
                        FindingType.DANGEROUS_COMMAND,
                        FindingType.SQL_INJECTION,
                        FindingType.SECRET);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start())
                    .isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void of_reportsOnlyTheRequestedTypes() {
        ContentScanner scanner = ContentScanner.of(EnumSet.of(FindingType.EMAIL, FindingType.SECRET));
        assertThat(scanner.scan(MIXED))
                .extracting(Finding::type)
                .containsExactly(FindingType.EMAIL, FindingType.SECRET);
        assertThat(scanner.types()).containsExactlyInAnyOrder(FindingType.EMAIL, FindingType.SECRET);
        assertThat(ContentScanner.of(EnumSet.allOf(FindingType.class))).isSameAs(ContentScanner.defaults());
    }

    @Test
    void containsPii_isTrueForPersonalDataOnly() {
        ContentScanner scanner = ContentScanner.defaults();
        assertThat(scanner.containsPii("reach me at ann@example.com")).isTrue();
        assertThat(scanner.containsPii("DOB: 12/03/1985")).isTrue();
        assertThat(scanner.containsPii("key AKIAIOSFODNN7EXAMPLE; rm -rf /; ' OR 1=1--"))
                .isFalse();
        assertThat(scanner.containsPii("order 123-45-6789")).isFalse();
        assertThat(ContentScanner.of(Set.of(FindingType.SECRET)).containsPii("ann@example.com"))
                .isFalse();
    }

    @Test
    void containsPii_agreesWithScanOnTheMixedText() {
        ContentScanner scanner = ContentScanner.defaults();
        boolean scanned = scanner.scan(MIXED).stream().anyMatch(f -> f.type().isPii());
        assertThat(scanner.containsPii(MIXED)).isEqualTo(scanned).isTrue();
    }

    @Test
    void scan_acceptsAnyCharSequenceAndEmptyText() {
        assertThat(ContentScanner.defaults().scan(new StringBuilder("SSN 123-45-6789")))
                .hasSize(1);
        assertThat(ContentScanner.defaults().scan("")).isEmpty();
    }

    @Test
    void badArguments_areClearErrors() {
        assertThatThrownBy(() -> ContentScanner.defaults().scan(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
        assertThatThrownBy(() -> ContentScanner.of(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void scan_isThreadSafe() {
        ContentScanner scanner = ContentScanner.defaults();
        List<Finding> expected = scanner.scan(MIXED);
        List<List<Finding>> results = IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> scanner.scan(MIXED))
                .toList();
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    @Test
    void adversarialInputs_finishAndFindNothingSpurious() {
        assertThat(ContentScanner.defaults().scan("a".repeat(200_000) + "@" + "a".repeat(200_000)))
                .isEmpty();
        assertThat(ContentScanner.defaults().scan("1234 5678 9012 3456 7890 ".repeat(8_000)))
                .isEmpty();
        assertThat(ContentScanner.defaults().scan("a.b.c.1.2.3.".repeat(20_000)))
                .isEmpty();
        assertThat(ContentScanner.defaults().scan("ab:cd:ef:12:".repeat(20_000)))
                .isEmpty();
    }
}
