package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private final ContentScanner scanner = ContentScanner.defaults();

    @Test
    void redact_usesTheDocumentedFormats() {
        String text = "SSN 123-45-6789, card 4111 1111 1111 1111, call (415) 555-2671, from 192.168.1.20, "
                + "IBAN GB82 WEST 1234 5698 7654 32";
        assertThat(scanner.redact(text).text())
                .isEqualTo("SSN XXX-XX-6789, card ****-****-****-1111, call ***-***-2671, from ***.***.***.***, "
                        + "IBAN [REDACTED]");
    }

    @Test
    void redact_hashesEmailsStablyAndDropsTheAddress() {
        String first = scanner.redact("mail bob@example.com").text();
        String again = scanner.redact("again BOB@example.com please").text();
        String other = scanner.redact("mail alice@example.com").text();
        assertThat(first).matches("mail \\[HASHED_[0-9a-f]{8}]").doesNotContain("bob", "example");
        assertThat(again).contains(first.substring(5));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void redact_secretsByKind() {
        String text = "password=hunter22 key AKIAIOSFODNN7EXAMPLE token ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        assertThat(scanner.redact(text).text())
                .isEqualTo("password=[REDACTED_PASSWORD] key [REDACTED_KEY] token [REDACTED_TOKEN]");
    }

    @Test
    void redact_leavesNoOriginalDigitsBeyondTheLastFour() {
        String text = "card 5500-0000-0000-0004 and ssn 536-22-1234 and aadhaar 2345 6789 0124 and pan ABCPE1234F";
        Redaction redaction = scanner.redact(text);
        assertThat(redaction.text())
                .doesNotContain("5500", "536-22", "536", "2345 6789", "ABCPE1234F")
                .contains("****-****-****-0004", "XXX-XX-1234");
        assertThat(redaction.findings())
                .extracting(Finding::type)
                .containsExactly(
                        FindingType.CREDIT_CARD, FindingType.US_SSN, FindingType.AADHAAR, FindingType.INDIA_PAN);
        assertThat(redaction.isRedacted()).isTrue();
    }

    @Test
    void redact_leavesSqlAndCommandsInPlace() {
        String text = "rm -rf / and ' OR '1'='1";
        Redaction redaction = scanner.redact(text);
        assertThat(redaction.text()).isEqualTo(text);
        assertThat(redaction.isRedacted()).isFalse();
    }

    @Test
    void redactWithFindings_mergesOverlapsIntoOneRedaction() {
        String text = "value 4111111111111111 end";
        List<Finding> overlapping = List.of(
                new Finding(FindingType.CREDIT_CARD, 6, 22, 0.9, "card"),
                new Finding(FindingType.PHONE, 12, 26, 0.7, "phone"));
        Redaction redaction = scanner.redact(text, overlapping);
        assertThat(redaction.text()).isEqualTo("value [REDACTED]");
        assertThat(redaction.findings()).hasSize(2);
    }

    @Test
    void redactWithFindings_shortValuesAreHiddenCompletely() {
        String text = "ssn 123";
        Redaction redaction = scanner.redact(text, List.of(new Finding(FindingType.US_SSN, 4, 7, 0.9, "us_ssn")));
        assertThat(redaction.text()).isEqualTo("ssn [REDACTED]");
    }

    @Test
    void redactWithFindings_rejectsSpansOutsideTheText() {
        assertThatThrownBy(() -> scanner.redact("short", List.of(new Finding(FindingType.EMAIL, 2, 40, 0.9, "email"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside a text of length 5");
    }

    @Test
    void redact_textWithoutFindingsIsUnchanged() {
        Redaction redaction = scanner.redact("nothing to see here");
        assertThat(redaction.text()).isEqualTo("nothing to see here");
        assertThat(redaction.findings()).isEmpty();
    }
}
